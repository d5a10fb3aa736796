// How many rows each paged list shows, in one place: the models page their queries by these and the pages'
// components need them in the browser too (server-only modules are empty there).
export const PEOPLE_PAGE_SIZE = 20;
export const AUDIT_PAGE_SIZE = 25;
export const LEARNERS_PAGE_SIZE = 25;
export const TEAM_ATTEMPTS_PAGE_SIZE = 25;
export const BOARD_PAGE_SIZE = 25;
export const REVIEW_QUEUE_PAGE_SIZE = 25;
export const NOTIFICATIONS_PAGE_SIZE = 20;
export const COACHING_PEOPLE_PAGE_SIZE = 25;
export const PROMOTIONS_PAGE_SIZE = 20;
export const PAIRINGS_PAGE_SIZE = 25;
