// A morning of mentions for the fictional airline Acme Air: what a newcomer sees in the queue on first start.
import type { Mention } from '@mentionflow/engine';

type Draft = Omit<Mention, 'createdAt'> & { minutesAgo: number };

const drafts: Draft[] = [
  { id: 'demo-1', channel: 'x', kind: 'post', minutesAgo: 5, text: '@acmeair stranded at CDG since 6am, flight AF cancelled and nobody at the desk. I need help ASAP', author: { handle: '@marion_travels', name: 'Marion', followers: 820 }, lang: 'en' },
  { id: 'demo-2', channel: 'x', kind: 'post', minutesAgo: 12, text: 'Je suis bloqué à Lyon, vol annulé, aucune info de @acmeair !! urgence', author: { handle: '@jb_lefevre', name: 'Jean-Baptiste', followers: 150 } },
  { id: 'demo-3', channel: 'facebook', kind: 'comment', minutesAgo: 20, text: 'Hello, I was charged twice for my booking, can I get a refund?', author: { handle: 'sophie.m', name: 'Sophie M.' } },
  { id: 'demo-4', channel: 'instagram', kind: 'comment', minutesAgo: 25, text: 'Thank you Acme Air, the crew on AA212 was lovely and the landing so smooth! 😍', author: { handle: 'wanderlust_ana', name: 'Ana', followers: 54000, verified: true } },
  { id: 'demo-5', channel: 'x', kind: 'reply', minutesAgo: 31, text: 'My card is 4111 1111 1111 1111, please just fix my ticket @acmeair', author: { handle: '@dan_k', followers: 40 }, conversationId: 'x-thread-77' },
  { id: 'demo-6', channel: 'messenger', kind: 'direct_message', minutesAgo: 33, text: 'Hi, my email is lena.weber@example.com, I never received my boarding pass', author: { handle: 'lena.weber', name: 'Lena Weber' }, lang: 'en' },
  { id: 'demo-7', channel: 'x', kind: 'post', minutesAgo: 40, text: 'Worst airline ever. Lost my bag twice this year, nobody answers, absolutely terrible service', author: { handle: '@grumpyflyer', followers: 310 } },
  { id: 'demo-8', channel: 'facebook', kind: 'comment', minutesAgo: 44, text: 'Necesito cambiar mi reserva, ¿es posible sin pagar más?', author: { handle: 'carlos.r', name: 'Carlos' } },
  { id: 'demo-9', channel: 'x', kind: 'post', minutesAgo: 47, text: 'Get 10,000 free followers now!!! crypto giveaway, DM me to earn $500 a day http://spam.example/a http://spam.example/b http://spam.example/c', author: { handle: '@promo_bot_991', followers: 3 } },
  { id: 'demo-10', channel: 'review', kind: 'review', minutesAgo: 55, text: 'Zborul a avut întârziere de 3 ore și nimeni nu ne-a spus nimic. Sunt furios, serviciu groaznic.', author: { handle: 'andrei.p' }, rating: 1 },
  { id: 'demo-11', channel: 'instagram', kind: 'comment', minutesAgo: 58, text: 'Mein Flug nach Berlin ist gestrichen, ich stecke fest. Dringend Hilfe bitte!', author: { handle: 'max_mustermann', followers: 900 } },
  { id: 'demo-12', channel: 'x', kind: 'post', minutesAgo: 63, text: 'is the acme air app down? cant log in since this morning', author: { handle: '@tomtom', followers: 210 } },
  { id: 'demo-13', channel: 'x', kind: 'post', minutesAgo: 64, text: '@acmeair app not working, crash at login', author: { handle: '@rita_b', followers: 75 } },
  { id: 'demo-14', channel: 'facebook', kind: 'comment', minutesAgo: 70, text: 'Flying with you to Lisbon next week for my wedding anniversary, any chance of an upgrade? 🥂', author: { handle: 'paul.and.jen' }, customer: { id: 'cust-881', tier: 'gold', lifetimeValue: 4200 } },
  { id: 'demo-15', channel: 'x', kind: 'reply', minutesAgo: 75, text: 'Still waiting. Third time I ask. Is anyone there?', author: { handle: '@impatient_ian', followers: 120 }, conversationId: 'x-thread-12', brandRepliesInConversation: 2, customerMessagesInConversation: 3 },
  { id: 'demo-16', channel: 'whatsapp', kind: 'direct_message', minutesAgo: 80, text: 'Bonjour, quelle est la franchise bagage pour un vol Paris–Montréal ?', author: { handle: '+33600000000', name: 'Claire' } },
  { id: 'demo-17', channel: 'x', kind: 'post', minutesAgo: 95, text: 'Acme Air lost my suitcase in Madrid, reference MAD45821. Where is it?', author: { handle: '@nomad_kai', followers: 15600 }, customer: { id: 'cust-102', tier: 'vip', lastContactAt: '', lastContactChannel: 'email' } },
  { id: 'demo-18', channel: 'instagram', kind: 'comment', minutesAgo: 110, text: 'Merci pour le surclassement, équipage au top 👏', author: { handle: 'chloe_voyage', followers: 2300 } },
  { id: 'demo-19', channel: 'review', kind: 'review', minutesAgo: 130, text: 'Comfortable seats, friendly staff, will fly again.', author: { handle: 'r.james' }, rating: 5 },
  { id: 'demo-20', channel: 'x', kind: 'post', minutesAgo: 150, text: 'You are all useless idiots, my flight was delayed 5 hours and nobody cares @acmeair', author: { handle: '@furious_fred', followers: 60 } },
];

/** Demo mentions dated relative to `now`, so waiting times and due times look like a live morning. */
export function demoMentions(now: number): Mention[] {
  return drafts.map(({ minutesAgo, customer, ...draft }) => {
    const createdAt = new Date(now - minutesAgo * 60_000).toISOString();
    const lastContact = customer?.lastContactChannel ? { lastContactAt: new Date(now - (minutesAgo + 180) * 60_000).toISOString() } : {};
    return { ...draft, createdAt, ...(customer ? { customer: { ...customer, ...lastContact } } : {}) } as Mention;
  });
}
