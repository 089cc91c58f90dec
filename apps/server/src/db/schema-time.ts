// Storage for what happens as time passes and mentions pile up: scheduled jobs, incidents, notices, outbound events.
export {};
