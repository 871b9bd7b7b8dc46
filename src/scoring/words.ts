/** Word lists shared by the matcher and the scorer. */

/** English words that carry no claim of their own. */
export const FUNCTION_WORDS = new Set(
  (
    'is are was were be been being am do does did has have had can could will would should may might must shall ' +
    'it its this that these those they them their there which who what when where why how because so since therefore ' +
    'thus hence while if then the a an to of by than into onto from with for at on in as not no also only just very too ' +
    'makes make made means gives give allow allows let lets help helps cause causes become becomes get gets keep keeps ' +
    'use uses used need needs we you i our your he she one each every cannot never nor without won'
  ).split(' '),
);
/** Verbs that open an instruction, which states a step as surely as a sentence does. */
export const IMPERATIVES = new Set(
  (
    'add apply assign average break build call check choose clip collect compare compute concatenate count divide drop ' +
    'expand fit flatten freeze initialize iterate keep loop merge multiply normalize pad pick predict project remove repeat ' +
    'replace reshape return run sample scale select shuffle skip sort split stack start stop store subtract sum swap take ' +
    'track train transpose try turn update use'
  ).split(' '),
);
/** Chinese characters that carry no claim of their own. */
export const ZH_FUNCTION_CHARS = new Set([
  ...'是的了会能可让使把被将就都也因所则若时在对从很要需得着为以其这那它有到给用而并如即当还再才又越比较' +
    '说太最于之指致成来变表示意味此故应该靠更不没且便果但却已经正们我你他个些样么什怎由向往',
]);
