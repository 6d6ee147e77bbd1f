import { defineElement } from '../internal/define.js';
import { CivicPetition } from '../petition/petition.js';

defineElement('civic-petition', CivicPetition);
