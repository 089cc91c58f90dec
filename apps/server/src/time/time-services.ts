// The time-and-volume services a server shares between its resources, its ingest hooks and its scheduler.
import type { Services } from '../services.ts';
import { IncidentStore } from './incident-store.ts';
import { WebhookStore } from './webhook-store.ts';
import { VolumeCatchUp } from './volume-catch-up.ts';

export class TimeServices {
  readonly incidents: IncidentStore;
  readonly webhooks: WebhookStore;
  readonly volumes: VolumeCatchUp;

  constructor(services: Pick<Services, 'database' | 'clock' | 'commits' | 'logger' | 'volumes'>) {
    this.incidents = new IncidentStore(services);
    this.webhooks = new WebhookStore(services);
    this.volumes = new VolumeCatchUp(services);
  }
}
