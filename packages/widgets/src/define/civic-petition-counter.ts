import { defineElement } from '../internal/define.js';
import { CivicPetitionCounter } from '../petition/petition-counter.js';

defineElement('civic-petition-counter', CivicPetitionCounter);
