// Shoelace's rating, registered as `<sl-rating>`: the reference a rating control is compared with.
import '@shoelace-style/shoelace/dist/components/rating/rating.js';
