// The checklist a solo learner works through before recording a self-review.
export const SELF_REVIEW_CHECKLIST = [
  { id: "criteria", text: "I re-read every success criterion and each one is met by evidence attached to the packet." },
  { id: "fresh-eyes", text: "I reviewed the evidence after the cooling-off period, as a reviewer would, not from memory." },
  { id: "reproduced", text: "I re-ran the validation and the drills, and the results in the proof are the ones I just saw." },
  { id: "scores", text: "I scored each rubric dimension against its level descriptors, not against how hard I worked." },
  { id: "follow-ups", text: "Every risk has a follow-up, and the follow-ups are in my plan." },
] as const;
