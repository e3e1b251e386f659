/** Organ names are Han words (several organs of a joint issue separated by 、 or spaces) ending in an organ kind. */
const ORGAN_NAME = /^[\p{Script=Han}、 ]{2,60}$/u;
const ORGAN_ENDING = /(?:政府|厅|室|会|局|委|部|署|院|办|中心|行|联)$/u;

/** Whether a text is, by its form, the name of an organ (湘潭市人民政府, 国务院办公厅, 人力资源社会保障部 财政部). */
export function isOrganName(text: string): boolean {
  return ORGAN_NAME.test(text) && ORGAN_ENDING.test(text);
}
