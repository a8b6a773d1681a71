// The top-level nodes of the methodology scores come from: the plan's five pillars, or the parts of any other
// framework (MOFCOM 2021's opening-up, innovation, green, coordination and quality). They are the ranking's bar
// columns, the radars' axes and the comparison's columns, named as the methodology names them.

/** The top-level nodes ({ code, name, nameEn }) of the scores' methodology, from the first score that has them. */
export function topNodes(scores) {
  const scored = scores.find(score => (score.nodes ?? []).length > 0);
  return scored ? scored.nodes.map(({ code, name, nameEn }) => ({ code, name, nameEn })) : [];
}

/** A score's value of the top-level node with this code; null when it has none. */
export function nodeScore(score, code) {
  return (score.nodes ?? []).find(node => node.code === code)?.score ?? null;
}

/** The names of a tree's nodes by code, at every depth, so a path of codes can be read. */
export function nodeNames(nodes, names = new Map()) {
  for (const node of nodes ?? []) {
    names.set(node.code, node);
    nodeNames(node.nodes, names);
  }
  return names;
}
