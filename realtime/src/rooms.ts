export const eventRoom = (eventId: number) => `event:${eventId}`
export const moderatorsRoom = (eventId: number) => `event:${eventId}:moderators`
export const userRoom = (userId: number) => `user:${userId}`
