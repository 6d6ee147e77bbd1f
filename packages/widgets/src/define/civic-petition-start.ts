import { defineElement } from '../internal/define.js';
import { CivicPetitionStart } from '../petition-start/petition-start.js';

defineElement('civic-petition-start', CivicPetitionStart);
