// The inbox page's elements, looked up once, for every module.

import { $ } from '../lib/dom.js';
import { root } from './format.js';

export const listEl = $('conversation-list');
export const listLoading = $('list-loading');
export const listEmpty = $('list-empty');
export const listEmptyBody = $('list-empty-body');
export const listError = $('list-error');
export const listErrorText = $('list-error-text');
export const tabs = [...root.querySelectorAll('.view-tab')];
export const statusFilter = $('filter-status');
export const numberFilter = $('filter-number');
export const liveStatus = $('live-status');

export const placeholder = $('no-selection');
export const chat = $('conversation');
export const chatScroll = $('chat-scroll');
export const messagesEl = $('messages');
export const jumpLatest = $('jump-latest');
export const windowOpenBar = $('window-open');
export const windowOpenText = $('window-open-text');
export const windowClosed = $('window-closed');
export const windowClosedBody = $('window-closed-body');
export const closedNotice = $('conversation-closed-notice');
export const assignMe = $('assign-me');
export const transferOpen = $('transfer-open');
export const unassignButton = $('unassign');
export const closeButton = $('close-conversation');
export const reopenButton = $('reopen-conversation');
export const detailsToggle = $('details-toggle');

export const composer = $('composer');
export const composerText = $('composer-text');
export const composerSend = $('composer-send');
export const composerError = $('composer-error');
export const composerCount = $('composer-count');
export const composerReply = $('composer-reply');
export const composerAttach = $('composer-attach');
export const composerFile = $('composer-file');
export const composerAttachment = $('composer-attachment');
export const composerProgress = $('composer-progress');

export const transferDialog = $('transfer-dialog');
export const transferSearch = $('transfer-search');
export const transferList = $('transfer-list');
export const transferEmpty = $('transfer-empty');

/** Conversation id → its <li> in the list. */
export const listItems = new Map();
