import { defineElement } from '../internal/define.js';
import { CivicPoll } from '../poll/poll.js';

defineElement('civic-poll', CivicPoll);
