// The identifiers of the three file formats. Apart from the schemas so that code which only
// writes a format (the live attempt, the result) does not carry the validator with it.
export const SCENARIO_FORMAT = 'practica.scenario/1'
export const ATTEMPT_FORMAT = 'practica.attempt/1'
export const RESULT_FORMAT = 'practica.result/1'
