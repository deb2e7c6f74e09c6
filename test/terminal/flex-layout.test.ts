import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Yoga itself (Ink's layout engine, WebAssembly): the reference every box is compared with.
import Yoga from 'yoga-layout';
import FlexLayout from '../../src/terminal/flex-layout.js';
import { fuzzParameters } from '../fuzz-settings.js';

/** One style setting, applied alike to a Yoga node and a flex-layout node. */
type Setting = { method: string; args: readonly number[] };

interface Spec {
  settings: Setting[];
  /** A leaf measured as text of this many cells, wrapped at the width it is given. */
  text: number | null;
  children: readonly Spec[];
}

/** The part of the node interface both engines share, as the test drives it. */
interface LayoutNode {
  insertChild(child: LayoutNode, index: number): void;
  removeChild(child: LayoutNode): void;
  setMeasureFunc(measure: (width: number, widthMode: number) => { width: number; height: number }): void;
  calculateLayout(width: number | undefined, height: number | undefined, direction: number): void;
  getComputedLeft(): number;
  getComputedTop(): number;
  getComputedWidth(): number;
  getComputedHeight(): number;
}
type Engine = { Node: { create(): unknown } };

const EDGES = [Yoga.EDGE_LEFT, Yoga.EDGE_TOP, Yoga.EDGE_RIGHT, Yoga.EDGE_BOTTOM, Yoga.EDGE_START, Yoga.EDGE_END, Yoga.EDGE_HORIZONTAL, Yoga.EDGE_VERTICAL, Yoga.EDGE_ALL];
const small = fc.integer({ min: 0, max: 4 });

/** The settings Ink's styles make, with the values flex-layout takes (whole cells and factors). */
const setting: fc.Arbitrary<Setting> = fc.oneof(
  fc.record({ method: fc.constant('setFlexDirection'), args: fc.tuple(fc.integer({ min: 0, max: 3 })) }),
  fc.record({ method: fc.constant('setJustifyContent'), args: fc.tuple(fc.integer({ min: 0, max: 5 })) }),
  fc.record({ method: fc.constant('setAlignItems'), args: fc.tuple(fc.integer({ min: 1, max: 4 })) }),
  fc.record({ method: fc.constant('setAlignSelf'), args: fc.tuple(fc.integer({ min: 0, max: 4 })) }),
  fc.record({ method: fc.constant('setFlexGrow'), args: fc.tuple(fc.constantFrom(0, 1, 2, 3)) }),
  fc.record({ method: fc.constant('setFlexShrink'), args: fc.tuple(fc.constantFrom(0, 1, 3)) }),
  fc.record({ method: fc.constant('setFlexBasis'), args: fc.tuple(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(Number.NaN))) }),
  fc.record({ method: fc.constant('setFlexBasisAuto'), args: fc.constant([]) }),
  fc.record({ method: fc.constantFrom('setWidth', 'setHeight'), args: fc.tuple(fc.integer({ min: 1, max: 60 })) }),
  fc.record({ method: fc.constantFrom('setWidthAuto', 'setHeightAuto'), args: fc.constant([]) }),
  fc.record({ method: fc.constantFrom('setMinWidth', 'setMinHeight'), args: fc.tuple(fc.integer({ min: 0, max: 30 })) }),
  fc.record({ method: fc.constantFrom('setMargin', 'setPadding'), args: fc.tuple(fc.constantFrom(...EDGES), small) }),
  fc.record({ method: fc.constant('setBorder'), args: fc.tuple(fc.constantFrom(Yoga.EDGE_LEFT, Yoga.EDGE_TOP, Yoga.EDGE_RIGHT, Yoga.EDGE_BOTTOM), fc.integer({ min: 0, max: 1 })) }),
  fc.record({ method: fc.constant('setGap'), args: fc.tuple(fc.constantFrom(Yoga.GUTTER_COLUMN, Yoga.GUTTER_ROW, Yoga.GUTTER_ALL), small) }),
  fc.record({ method: fc.constant('setDisplay'), args: fc.tuple(fc.constantFrom(Yoga.DISPLAY_FLEX, Yoga.DISPLAY_NONE)) }),
);

const tree = fc.letrec<{ node: Spec }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ settings: fc.array(setting, { maxLength: 5 }), text: fc.integer({ min: 0, max: 70 }), children: fc.constant([]) }),
    fc.record({ settings: fc.array(setting, { maxLength: 6 }), text: fc.constant(null), children: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node;

/** Text as Ink measures it: one line if it fits, else wrapped at the width (at least one cell). */
function measureText(cells: number) {
  return (width: number): { width: number; height: number } => {
    if (Number.isNaN(width) || width >= cells) return { width: cells, height: cells === 0 ? 0 : 1 };
    const perLine = Math.max(1, Math.floor(width));
    return { width: Math.min(cells, perLine), height: Math.ceil(cells / perLine) };
  };
}

/** The value a node's settings leave for one method, or undefined when none sets it. */
function lastValue(spec: Spec, method: string): number | undefined {
  return spec.settings.findLast((entry) => entry.method === method)?.args[0];
}

/**
 * Whether Yoga would divide by zero: space-around or space-evenly in a container with
 * children, none of them displayed. Yoga's result there is an accident of NaN and infinity.
 */
function spacesNothing(spec: Spec): boolean {
  const justify = lastValue(spec, 'setJustifyContent');
  const spaced = justify === Yoga.JUSTIFY_SPACE_AROUND || justify === Yoga.JUSTIFY_SPACE_EVENLY;
  if (spaced && spec.children.length > 0 && spec.children.every((child) => lastValue(child, 'setDisplay') === Yoga.DISPLAY_NONE)) return true;
  return spec.children.some(spacesNothing);
}

function build(engine: Engine, spec: Spec, nodes: LayoutNode[]): LayoutNode {
  const node = engine.Node.create() as LayoutNode;
  nodes.push(node);
  for (const { method, args } of spec.settings) (node as unknown as Record<string, (...values: number[]) => void>)[method]!(...args);
  if (spec.text !== null) node.setMeasureFunc(measureText(spec.text));
  spec.children.forEach((child, index) => node.insertChild(build(engine, child, nodes), index));
  return node;
}

function boxes(nodes: LayoutNode[]): number[][] {
  return nodes.map((node) => [node.getComputedLeft(), node.getComputedTop(), node.getComputedWidth(), node.getComputedHeight()]);
}

/** The root as Ink makes it: a column as wide as the terminal, as tall as its content. */
function layOut(engine: Engine, spec: Spec, width: number, height: number | undefined): { nodes: LayoutNode[]; root: LayoutNode } {
  const nodes: LayoutNode[] = [];
  const root = build(engine, spec, nodes);
  (root as unknown as { setWidth(width: number): void }).setWidth(width);
  root.calculateLayout(undefined, height, Yoga.DIRECTION_LTR);
  return { nodes, root };
}

describe('flex layout, against Yoga', () => {
  it('lays out random trees of Ink styles exactly as Yoga does', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 10, max: 130 }), fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), (spec, width, height) => {
        fc.pre(!spacesNothing(spec));
        const expected = boxes(layOut(Yoga as unknown as Engine, spec, width, height).nodes);
        const actual = boxes(layOut(FlexLayout as unknown as Engine, spec, width, height).nodes);
        expect(actual).toEqual(expected);
      }),
      { ...fuzzParameters(), numRuns: Math.min(fuzzParameters().numRuns ?? 3000, 3000) },
    );
  });

  it('lays out again after a change exactly as Yoga does, reusing what did not change', () => {
    fc.assert(
      fc.property(
        tree,
        fc.integer({ min: 10, max: 130 }),
        fc.array(fc.tuple(fc.nat(), setting), { minLength: 1, maxLength: 4 }),
        (spec, width, changes) => {
          const yoga = layOut(Yoga as unknown as Engine, spec, width, undefined);
          const ours = layOut(FlexLayout as unknown as Engine, spec, width, undefined);
          for (const [at, { method, args }] of changes) {
            for (const { nodes } of [yoga, ours]) {
              (nodes[at % nodes.length] as unknown as Record<string, (...values: number[]) => void>)[method]!(...args);
            }
            yoga.root.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
            ours.root.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
            expect(boxes(ours.nodes)).toEqual(boxes(yoga.nodes));
          }
        },
      ),
      { ...fuzzParameters(), numRuns: Math.min(fuzzParameters().numRuns ?? 2000, 2000) },
    );
  });

  it('lays out a child moved and removed as Yoga does', () => {
    const specOf = (cells: number): Spec => ({ settings: [], text: cells, children: [] });
    const root: Spec = { settings: [{ method: 'setFlexDirection', args: [Yoga.FLEX_DIRECTION_ROW] }], text: null, children: [specOf(5), specOf(9), specOf(3)] };
    const results = [Yoga, FlexLayout].map((engine) => {
      const { nodes, root: top } = layOut(engine as unknown as Engine, root, 40, undefined);
      const [, first, second] = nodes;
      top.removeChild(first!);
      top.insertChild(first!, 1);
      top.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
      const moved = boxes(nodes);
      top.removeChild(second!);
      top.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
      return [moved, boxes([top, first!])];
    });
    expect(results[1]).toEqual(results[0]);
    // The moved child now comes after the second: it starts at 9.
    expect(results[1]![0]![1]![0]).toBe(9);
  });

  it('lays out a box hidden and shown again, with what changed inside it meanwhile, as Yoga does', () => {
    const text = (cells: number): Spec => ({ settings: [], text: cells, children: [] });
    const row: Spec = { settings: [{ method: 'setFlexDirection', args: [Yoga.FLEX_DIRECTION_ROW] }], text: null, children: [text(5), text(7)] };
    const spec: Spec = { settings: [], text: null, children: [{ settings: [], text: null, children: [row] }, text(3)] };
    const results = [Yoga, FlexLayout].map((engine) => {
      const { nodes, root } = layOut(engine as unknown as Engine, spec, 40, undefined);
      const [, box, , first] = nodes as [LayoutNode, LayoutNode & { setDisplay(d: number): void }, LayoutNode, LayoutNode & { markDirty(): void }];
      const seen: number[][][] = [];
      const toggle = (display: number): void => {
        box.setDisplay(display);
        root.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
        seen.push(boxes(nodes));
      };
      toggle(Yoga.DISPLAY_NONE);
      toggle(Yoga.DISPLAY_FLEX);
      toggle(Yoga.DISPLAY_NONE);
      // The text inside changes while hidden: 5 cells become 9.
      first.setMeasureFunc(measureText(9));
      toggle(Yoga.DISPLAY_FLEX);
      return seen;
    });
    expect(results[1]).toEqual(results[0]);
    // Shown again, the grandchildren have their size (the texts side by side, the last one stretched
    // across), then the first 9 cells wide.
    expect(results[1]![1]!.slice(3)).toEqual([
      [0, 0, 5, 1],
      [5, 0, 7, 1],
      [0, 1, 40, 1],
    ]);
    expect(results[1]![3]![3]).toEqual([0, 0, 9, 1]);
  });

  it('refuses what it does not lay out, rather than laying it out differently', () => {
    const node = FlexLayout.Node.create();
    expect(() => node.setFlexWrap(FlexLayout.WRAP_WRAP)).toThrow(/wrap/);
    expect(() => node.setPositionType(FlexLayout.POSITION_TYPE_ABSOLUTE)).toThrow(/absolute/);
    expect(() => node.setAlignItems(FlexLayout.ALIGN_BASELINE)).toThrow(/baseline/);
    expect(() => node.setWidthPercent()).toThrow(/percent/);
    expect(() => node.setFlexGrow(0.5)).toThrow(/fractional/);
  });
});
