// Functions a module calls in a module that imports it (directly or not), so that imports only go
// one way. main.js sets them before anything runs; until then nothing calls them.

export const hooks = {
  /** From list.js: opens the conversation clicked in the list (conversation.js). */
  openConversation: null,
  /** From agents.js: paints a list entry again once new agents are known (list.js). */
  paintConversation: null,
  /** From composer.js: loads the open conversation again after a refused send (conversation.js). */
  scheduleDetail: null,
  /** From attachments.js: the composer's count, once a file is added or removed (composer.js). */
  updateCounter: null,
};
