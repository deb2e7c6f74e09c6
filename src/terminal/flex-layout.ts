/**
 * Yoga's flexbox layout, in TypeScript, for the part of Yoga's interface Ink uses. Ink lays
 * out every frame with Yoga, which ships as WebAssembly: compiling and running it costs a
 * launch about 15 ms and the process about 19 MiB of memory (V8's WebAssembly compilers
 * and Yoga's heap), a quarter of the reader's footprint. The reader's layout is simple
 * (boxes of given sizes in rows and columns, text measured by Ink), so this follows Yoga
 * 3.2's algorithm (yoga/algorithm/CalculateLayout.cpp) step by step for one flex line:
 * flex basis, grow and shrink with min sizes, justify, align and stretch, gaps, padding,
 * borders, margins, display none, reverse directions, Yoga's caches (whose reuse rules
 * change results) and its rounding to whole cells. Wrapping, absolute position, baseline
 * alignment, percentages and fractional flex factors, which Ink offers but the reader does
 * not use, are refused with an error rather than laid out differently.
 *
 * test/terminal/flex-layout.test.ts lays out random trees with both and compares every box.
 * The build swaps it in for Ink's `yoga-layout` import (scripts/ink-replacements.mjs).
 */

import * as constants from './flex-constants.js';
import {
  ALIGN_AUTO,
  ALIGN_BASELINE,
  ALIGN_CENTER,
  ALIGN_FLEX_END,
  ALIGN_STRETCH,
  DIRECTION_LTR,
  DISPLAY_FLEX,
  DISPLAY_NONE,
  EDGE_ALL,
  EDGE_BOTTOM,
  EDGE_END,
  EDGE_HORIZONTAL,
  EDGE_LEFT,
  EDGE_RIGHT,
  EDGE_START,
  EDGE_TOP,
  EDGE_VERTICAL,
  FLEX_DIRECTION_COLUMN,
  FLEX_DIRECTION_COLUMN_REVERSE,
  FLEX_DIRECTION_ROW,
  FLEX_DIRECTION_ROW_REVERSE,
  GUTTER_ALL,
  GUTTER_COLUMN,
  GUTTER_ROW,
  JUSTIFY_CENTER,
  JUSTIFY_FLEX_END,
  JUSTIFY_FLEX_START,
  JUSTIFY_SPACE_AROUND,
  JUSTIFY_SPACE_BETWEEN,
  JUSTIFY_SPACE_EVENLY,
  MEASURE_MODE_AT_MOST,
  MEASURE_MODE_EXACTLY,
  MEASURE_MODE_UNDEFINED,
  POSITION_TYPE_ABSOLUTE,
  POSITION_TYPE_RELATIVE,
  WRAP_NO_WRAP,
} from './flex-constants.js';

/** Yoga's sizing modes, numbered as its measure modes: max-content, stretch-fit, fit-content. */
type Mode = 0 | 1 | 2;
const MAX_CONTENT: Mode = MEASURE_MODE_UNDEFINED;
const STRETCH_FIT: Mode = MEASURE_MODE_EXACTLY;
const FIT_CONTENT: Mode = MEASURE_MODE_AT_MOST;

/** A length as Yoga keeps it: points, auto, or not set. */
interface Length {
  unit: 'point' | 'auto' | 'undefined';
  value: number;
}
const UNSET: Length = { unit: 'undefined', value: NaN };
const AUTO: Length = { unit: 'auto', value: NaN };

export type MeasureFunction = (width: number, widthMode: number, height: number, heightMode: number) => { width?: number; height?: number };

const defined = (value: number): boolean => !Number.isNaN(value);
/** Yoga's maxOrDefined: the larger, or whichever one is a number. */
function maxOrDefined(a: number, b: number): number {
  if (defined(a) && defined(b)) return Math.max(a, b);
  return Number.isNaN(a) ? b : a;
}
/** Yoga computes in 32-bit floats: a share of free space is rounded as Yoga rounds it. */
const f32 = Math.fround;

/** A length's size (in the owner's size, once percentages come back). */
function resolve(length: Length, _ownerSize: number): number {
  return length.unit === 'point' ? length.value : NaN;
}
function pointsOrUnset(value: number): Length {
  return Number.isNaN(value) ? UNSET : { unit: 'point', value };
}
function sameLength(a: Length, b: Length): boolean {
  return a.unit === b.unit && (a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value)));
}

const isRow = (direction: number): boolean => direction === FLEX_DIRECTION_ROW || direction === FLEX_DIRECTION_ROW_REVERSE;
const isReverse = (direction: number): boolean => direction === FLEX_DIRECTION_ROW_REVERSE || direction === FLEX_DIRECTION_COLUMN_REVERSE;

/** A pass's inputs and the size it measured, kept as Yoga keeps them. */
interface CacheEntry {
  width: number;
  height: number;
  widthMode: Mode;
  heightMode: Mode;
  measuredWidth: number;
  measuredHeight: number;
}
/** Yoga keeps this many measurements a node, and once full starts again from the first. */
const MAX_CACHED_MEASUREMENTS = 8;

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
/** Yoga's inexactEquals: within a ten-thousandth, or both undefined. */
function inexactEquals(a: number, b: number): boolean {
  if (defined(a) && defined(b)) return Math.abs(a - b) < 0.0001;
  return Number.isNaN(a) && Number.isNaN(b);
}
function sameSpec(entry: CacheEntry, width: number, height: number, widthMode: Mode, heightMode: Mode): boolean {
  return entry.widthMode === widthMode && entry.heightMode === heightMode && inexactEquals(entry.width, width) && inexactEquals(entry.height, height);
}

/** Yoga's canUseCachedMeasurement (algorithm/Cache.cpp): a text measurement that still holds. */
function measurementStillHolds(entry: CacheEntry, width: number, height: number, widthMode: Mode, heightMode: Mode, marginRow: number, marginColumn: number): boolean {
  if ((defined(entry.measuredHeight) && entry.measuredHeight < 0) || (defined(entry.measuredWidth) && entry.measuredWidth < 0)) return false;
  const axisHolds = (mode: Mode, size: number, lastMode: Mode, lastSize: number, lastComputed: number, margin: number): boolean => {
    if (lastMode === mode && inexactEquals(roundToCell(lastSize, false, false), roundToCell(size, false, false))) return true;
    const inner = size - margin;
    if (mode === STRETCH_FIT && inexactEquals(inner, lastComputed)) return true;
    if (mode === FIT_CONTENT && lastMode === MAX_CONTENT && (inner >= lastComputed || inexactEquals(inner, lastComputed))) return true;
    return (
      lastMode === FIT_CONTENT &&
      mode === FIT_CONTENT &&
      defined(lastSize) &&
      defined(inner) &&
      defined(lastComputed) &&
      lastSize > inner &&
      (lastComputed <= inner || inexactEquals(inner, lastComputed))
    );
  };
  return (
    axisHolds(widthMode, width, entry.widthMode, entry.width, entry.measuredWidth, marginRow) &&
    axisHolds(heightMode, height, entry.heightMode, entry.height, entry.measuredHeight, marginColumn)
  );
}

/** Each calculateLayout is a generation: a changed node forgets its caches once in it. */
let generation = 0;

/** The first of these edges that is set, else 0 (no closures: this runs for every box of every frame). */
function firstSet(edges: number[], a: number, b: number, c: number, d: number): number {
  const first = edges[a]!;
  if (!Number.isNaN(first)) return first;
  const second = edges[b]!;
  if (!Number.isNaN(second)) return second;
  const third = edges[c]!;
  if (!Number.isNaN(third)) return third;
  const fourth = edges[d]!;
  return Number.isNaN(fourth) ? 0 : fourth;
}

/** Edge values as Yoga resolves them for left-to-right: the most specific edge that is set. */
function edgeValue(edges: number[], edge: number): number {
  switch (edge) {
    case EDGE_LEFT:
      return firstSet(edges, EDGE_START, EDGE_LEFT, EDGE_HORIZONTAL, EDGE_ALL);
    case EDGE_RIGHT:
      return firstSet(edges, EDGE_END, EDGE_RIGHT, EDGE_HORIZONTAL, EDGE_ALL);
    case EDGE_TOP:
      return firstSet(edges, EDGE_TOP, EDGE_TOP, EDGE_VERTICAL, EDGE_ALL);
    default:
      return firstSet(edges, EDGE_BOTTOM, EDGE_BOTTOM, EDGE_VERTICAL, EDGE_ALL);
  }
}
const unsetEdges = (): number[] => Array.from({ length: 9 }, () => NaN);

export class Node {
  private parent: Node | null = null;
  private readonly children: Node[] = [];
  private measureFunc: MeasureFunction | null = null;
  private dirty = true;

  // Style, with Yoga's defaults (not the web's: column, no shrink).
  private flexDirection = FLEX_DIRECTION_COLUMN;
  private justifyContent = JUSTIFY_FLEX_START;
  private alignItems = ALIGN_STRETCH;
  private alignSelf = ALIGN_AUTO;
  private positionType = POSITION_TYPE_RELATIVE;
  private flexWrap = WRAP_NO_WRAP;
  private display = DISPLAY_FLEX;
  private flexGrow = NaN;
  private flexShrink = NaN;
  private flexBasis: Length = AUTO;
  private width: Length = AUTO;
  private height: Length = AUTO;
  private minWidth: Length = UNSET;
  private minHeight: Length = UNSET;
  private readonly margin = unsetEdges();
  private readonly padding = unsetEdges();
  private readonly border = unsetEdges();
  private readonly gap = [NaN, NaN, NaN];
  private resolved: ResolvedEdges | null = null;

  // Results: the measured size of the last pass, and the laid-out box (before rounding).
  private measuredWidth = 0;
  private measuredHeight = 0;
  private layoutWidth = 0;
  private layoutHeight = 0;
  private left = 0;
  private top = 0;
  /** Offset from the parent's flex-start edges while its pass runs (reverse axes flip it after). */
  private mainOffset = 0;
  private crossOffset = 0;
  private computedFlexBasis = NaN;
  private readonly measurements: CacheEntry[] = [];
  private nextMeasurement = 0;
  private cachedLayout: CacheEntry | null = null;
  private generation = 0;
  // Rounded to whole cells, as Ink reads them.
  private roundedLeft = 0;
  private roundedTop = 0;
  private roundedWidth = 0;
  private roundedHeight = 0;

  static create(): Node {
    return new Node();
  }

  // --- tree -----------------------------------------------------------------

  insertChild(child: Node, index: number): void {
    child.parent?.removeChild(child);
    child.parent = this;
    this.children.splice(index, 0, child);
    this.markDirty();
  }
  removeChild(child: Node): void {
    const index = this.children.indexOf(child);
    if (index === -1) return;
    this.children.splice(index, 1);
    child.parent = null;
    child.forgetLayout();
    this.markDirty();
  }
  getChildCount(): number {
    return this.children.length;
  }
  getChild(index: number): Node {
    return this.children[index]!;
  }
  getParent(): Node | null {
    return this.parent;
  }
  free(): void {
    this.parent?.removeChild(this);
    for (const child of [...this.children]) this.removeChild(child);
  }
  freeRecursive(): void {
    for (const child of [...this.children]) child.freeRecursive();
    this.free();
  }
  setMeasureFunc(measure: MeasureFunction | null): void {
    this.measureFunc = measure;
    this.markDirty();
  }
  unsetMeasureFunc(): void {
    this.setMeasureFunc(null);
  }
  /** Something the layout depends on changed: this node and every ancestor lay out again. */
  markDirty(): void {
    if (this.dirty) return;
    this.dirty = true;
    // Yoga forgets the flex basis at once, the cached passes when the node is next visited.
    this.computedFlexBasis = NaN;
    this.parent?.markDirty();
  }
  /** A removed node keeps nothing of its old place (Yoga resets its layout). */
  private forgetLayout(): void {
    this.forgetCaches();
    this.computedFlexBasis = NaN;
    this.generation = 0;
  }
  private forgetCaches(): void {
    this.measurements.length = 0;
    this.nextMeasurement = 0;
    this.cachedLayout = null;
  }
  isDirty(): boolean {
    return this.dirty;
  }

  // --- style ----------------------------------------------------------------

  private change(key: NumericStyle, value: number): void {
    if (sameNumber(this[key], value)) return;
    this[key] = value;
    this.markDirty();
  }
  private changeLength(key: 'flexBasis' | 'width' | 'height' | 'minWidth' | 'minHeight', value: Length): void {
    if (sameLength(this[key], value)) return;
    this[key] = value;
    this.markDirty();
  }
  private changeEdge(edges: number[], edge: number, value: number): void {
    if (sameNumber(edges[edge]!, value)) return;
    edges[edge] = value;
    this.resolved = null;
    this.markDirty();
  }

  /** Margins and padding-and-borders by physical edge, resolved once per change of style. */
  private edges(): ResolvedEdges {
    if (this.resolved === null) {
      const margin = [EDGE_LEFT, EDGE_TOP, EDGE_RIGHT, EDGE_BOTTOM].map((edge) => edgeValue(this.margin, edge));
      const inset = [EDGE_LEFT, EDGE_TOP, EDGE_RIGHT, EDGE_BOTTOM].map(
        (edge) => Math.max(0, edgeValue(this.padding, edge)) + Math.max(0, edgeValue(this.border, edge)),
      );
      this.resolved = {
        margin,
        inset,
        marginRow: margin[0]! + margin[2]!,
        marginColumn: margin[1]! + margin[3]!,
        insetRow: inset[0]! + inset[2]!,
        insetColumn: inset[1]! + inset[3]!,
      };
    }
    return this.resolved;
  }

  setFlexDirection(value: number): void {
    this.change('flexDirection', value);
  }
  setJustifyContent(value: number): void {
    this.change('justifyContent', value);
  }
  setAlignItems(value: number): void {
    refuseBaseline(value);
    this.change('alignItems', value);
  }
  setAlignSelf(value: number): void {
    refuseBaseline(value);
    this.change('alignSelf', value);
  }
  setPositionType(value: number): void {
    if (value === POSITION_TYPE_ABSOLUTE) throw new Error('flex-layout: position absolute is not supported');
    this.change('positionType', value);
  }
  setFlexWrap(value: number): void {
    if (value !== WRAP_NO_WRAP) throw new Error('flex-layout: flex wrap is not supported');
    this.change('flexWrap', value);
  }
  setDisplay(value: number): void {
    this.change('display', value);
  }
  getDisplay(): number {
    return this.display;
  }
  setFlexGrow(value: number): void {
    refuseFraction('flex grow', value);
    this.change('flexGrow', value);
  }
  setFlexShrink(value: number): void {
    refuseFraction('flex shrink', value);
    this.change('flexShrink', value);
  }
  setFlexBasis(value: number): void {
    this.changeLength('flexBasis', pointsOrUnset(value));
  }
  setFlexBasisPercent(): void {
    refusePercent();
  }
  setFlexBasisAuto(): void {
    this.changeLength('flexBasis', AUTO);
  }
  setWidth(value: number): void {
    this.changeLength('width', pointsOrUnset(value));
  }
  setWidthPercent(): void {
    refusePercent();
  }
  setWidthAuto(): void {
    this.changeLength('width', AUTO);
  }
  setHeight(value: number): void {
    this.changeLength('height', pointsOrUnset(value));
  }
  setHeightPercent(): void {
    refusePercent();
  }
  setHeightAuto(): void {
    this.changeLength('height', AUTO);
  }
  setMinWidth(value: number): void {
    this.changeLength('minWidth', pointsOrUnset(value));
  }
  setMinWidthPercent(): void {
    refusePercent();
  }
  setMinHeight(value: number): void {
    this.changeLength('minHeight', pointsOrUnset(value));
  }
  setMinHeightPercent(): void {
    refusePercent();
  }
  setMargin(edge: number, value: number): void {
    this.changeEdge(this.margin, edge, value);
  }
  setPadding(edge: number, value: number): void {
    this.changeEdge(this.padding, edge, value);
  }
  setBorder(edge: number, value: number): void {
    this.changeEdge(this.border, edge, value);
  }
  setGap(gutter: number, value: number): void {
    this.changeEdge(this.gap, gutter, value);
  }

  // --- results --------------------------------------------------------------

  getComputedLeft(): number {
    return this.roundedLeft;
  }
  getComputedTop(): number {
    return this.roundedTop;
  }
  getComputedWidth(): number {
    return this.roundedWidth;
  }
  getComputedHeight(): number {
    return this.roundedHeight;
  }
  getComputedLayout(): { left: number; top: number; width: number; height: number } {
    return { left: this.roundedLeft, top: this.roundedTop, width: this.roundedWidth, height: this.roundedHeight };
  }
  getComputedPadding(edge: number): number {
    return this.display === DISPLAY_NONE ? 0 : Math.max(0, edgeValue(this.padding, edge));
  }
  getComputedBorder(edge: number): number {
    return this.display === DISPLAY_NONE ? 0 : Math.max(0, edgeValue(this.border, edge));
  }
  getComputedMargin(edge: number): number {
    return edgeValue(this.margin, edge);
  }

  /** Yoga's calculateLayout: lay out this tree in the given size (NaN or undefined: by content). */
  calculateLayout(ownerWidth: number | undefined = NaN, ownerHeight: number | undefined = NaN, _direction: number = DIRECTION_LTR): void {
    const ownerW = ownerWidth ?? NaN;
    const ownerH = ownerHeight ?? NaN;
    generation += 1;
    let width = NaN;
    let widthMode = MAX_CONTENT;
    if (this.hasDefiniteLength(true, ownerW)) {
      width = resolve(this.width, ownerW) + this.marginFor(true);
      widthMode = STRETCH_FIT;
    } else {
      width = ownerW;
      widthMode = defined(width) ? STRETCH_FIT : MAX_CONTENT;
    }
    let height = NaN;
    let heightMode = MAX_CONTENT;
    if (this.hasDefiniteLength(false, ownerH)) {
      height = resolve(this.height, ownerH) + this.marginFor(false);
      heightMode = STRETCH_FIT;
    } else {
      height = ownerH;
      heightMode = defined(height) ? STRETCH_FIT : MAX_CONTENT;
    }
    this.layout(width, height, widthMode, heightMode, ownerW, ownerH, true);
    this.left = this.edgeMargin(EDGE_LEFT);
    this.top = this.edgeMargin(EDGE_TOP);
    this.round(0, 0);
  }

  // --- the algorithm --------------------------------------------------------

  /** A physical edge's margin (EDGE_LEFT, EDGE_TOP, EDGE_RIGHT or EDGE_BOTTOM: 0 to 3). */
  private edgeMargin(edge: number): number {
    return this.edges().margin[edge]!;
  }
  private marginFor(row: boolean): number {
    const edges = this.edges();
    return row ? edges.marginRow : edges.marginColumn;
  }
  private paddingAndBorder(edge: number): number {
    return this.edges().inset[edge]!;
  }
  private paddingAndBorderFor(row: boolean): number {
    const edges = this.edges();
    return row ? edges.insetRow : edges.insetColumn;
  }
  /** The padding and border at the start of a flex axis. */
  private leadingPaddingAndBorder(axis: number): number {
    if (isRow(axis)) return this.paddingAndBorder(axis === FLEX_DIRECTION_ROW ? EDGE_LEFT : EDGE_RIGHT);
    return this.paddingAndBorder(axis === FLEX_DIRECTION_COLUMN ? EDGE_TOP : EDGE_BOTTOM);
  }
  private trailingPaddingAndBorder(axis: number): number {
    if (isRow(axis)) return this.paddingAndBorder(axis === FLEX_DIRECTION_ROW ? EDGE_RIGHT : EDGE_LEFT);
    return this.paddingAndBorder(axis === FLEX_DIRECTION_COLUMN ? EDGE_BOTTOM : EDGE_TOP);
  }
  private leadingMargin(axis: number): number {
    if (isRow(axis)) return this.edgeMargin(axis === FLEX_DIRECTION_ROW ? EDGE_LEFT : EDGE_RIGHT);
    return this.edgeMargin(axis === FLEX_DIRECTION_COLUMN ? EDGE_TOP : EDGE_BOTTOM);
  }
  private gapFor(axis: number): number {
    const gutter = isRow(axis) ? GUTTER_COLUMN : GUTTER_ROW;
    const value = defined(this.gap[gutter]!) ? this.gap[gutter]! : this.gap[GUTTER_ALL]!;
    return defined(value) ? Math.max(0, value) : 0;
  }
  // The root neither grows nor shrinks, whatever its style says.
  private resolvedFlexGrow(): number {
    return this.parent !== null && defined(this.flexGrow) ? this.flexGrow : 0;
  }
  private resolvedFlexShrink(): number {
    return this.parent !== null && defined(this.flexShrink) ? this.flexShrink : 0;
  }
  private isFlexible(): boolean {
    return this.resolvedFlexGrow() !== 0 || this.resolvedFlexShrink() !== 0;
  }
  private hasDefiniteLength(row: boolean, ownerSize: number): boolean {
    const value = resolve(row ? this.width : this.height, ownerSize);
    return defined(value) && value >= 0;
  }
  private boundWithinMinMax(row: boolean, value: number, axisSize: number): number {
    const min = resolve(row ? this.minWidth : this.minHeight, axisSize);
    if (min >= 0 && value < min) return min;
    return value;
  }
  /** Yoga's boundAxis: within min and max, and never less than padding and border. */
  private bound(row: boolean, value: number, axisSize: number): number {
    return maxOrDefined(this.boundWithinMinMax(row, value, axisSize), this.paddingAndBorderFor(row));
  }
  private alignmentOf(child: Node): number {
    return child.alignSelf === ALIGN_AUTO ? this.alignItems : child.alignSelf;
  }
  private measured(row: boolean): number {
    return row ? this.measuredWidth : this.measuredHeight;
  }
  private measuredWithMargin(row: boolean): number {
    return this.measured(row) + this.marginFor(row);
  }

  /** The measurements Yoga looks among: those before its next index (after a wrap, only the new ones). */
  private cachedMeasurements(): CacheEntry[] {
    return this.nextMeasurement === this.measurements.length ? this.measurements : this.measurements.slice(0, this.nextMeasurement);
  }

  /** Yoga's calculateLayoutInternal: a pass, or a cached one that still holds. */
  private layout(width: number, height: number, widthMode: Mode, heightMode: Mode, ownerWidth: number, ownerHeight: number, performLayout: boolean): void {
    const needToVisit = this.dirty && this.generation !== generation;
    if (needToVisit) this.forgetCaches();
    let cached: CacheEntry | undefined;
    if (this.measureFunc !== null) {
      const marginRow = this.marginFor(true);
      const marginColumn = this.marginFor(false);
      const holds = (entry: CacheEntry): boolean => measurementStillHolds(entry, width, height, widthMode, heightMode, marginRow, marginColumn);
      cached = this.cachedLayout !== null && holds(this.cachedLayout) ? this.cachedLayout : this.cachedMeasurements().find(holds);
    } else if (performLayout) {
      if (this.cachedLayout !== null && sameSpec(this.cachedLayout, width, height, widthMode, heightMode)) cached = this.cachedLayout;
    } else {
      cached = this.cachedMeasurements().find((entry) => sameSpec(entry, width, height, widthMode, heightMode));
    }
    if (!needToVisit && cached !== undefined) {
      this.measuredWidth = cached.measuredWidth;
      this.measuredHeight = cached.measuredHeight;
    } else {
      this.layoutImpl(width, height, widthMode, heightMode, ownerWidth, ownerHeight, performLayout);
      if (cached === undefined) {
        const entry = { width, height, widthMode, heightMode, measuredWidth: this.measuredWidth, measuredHeight: this.measuredHeight };
        if (performLayout) {
          this.cachedLayout = entry;
        } else {
          if (this.nextMeasurement === MAX_CACHED_MEASUREMENTS) this.nextMeasurement = 0;
          this.measurements[this.nextMeasurement++] = entry;
        }
      }
    }
    if (performLayout) {
      this.layoutWidth = this.measuredWidth;
      this.layoutHeight = this.measuredHeight;
      this.dirty = false;
    }
    this.generation = generation;
  }

  private layoutImpl(
    availableWidth: number,
    availableHeight: number,
    widthMode: Mode,
    heightMode: Mode,
    ownerWidth: number,
    ownerHeight: number,
    performLayout: boolean,
  ): void {
    const marginRow = this.marginFor(true);
    const marginColumn = this.marginFor(false);
    const paddingRow = this.paddingAndBorderFor(true);
    const paddingColumn = this.paddingAndBorderFor(false);

    if (this.measureFunc !== null) {
      this.measureWithFunction(availableWidth - marginRow, availableHeight - marginColumn, widthMode, heightMode, ownerWidth, ownerHeight);
      return;
    }
    const children = this.children;
    if (children.length === 0) {
      const width = widthMode === STRETCH_FIT ? availableWidth - marginRow : paddingRow;
      const height = heightMode === STRETCH_FIT ? availableHeight - marginColumn : paddingColumn;
      this.measuredWidth = this.bound(true, width, ownerWidth);
      this.measuredHeight = this.bound(false, height, ownerHeight);
      return;
    }
    if (!performLayout && this.measureFixedSize(availableWidth - marginRow, availableHeight - marginColumn, widthMode, heightMode, ownerWidth, ownerHeight)) {
      return;
    }

    // STEP 1: the axes and what surrounds the content.
    const mainAxis = this.flexDirection;
    const mainRow = isRow(mainAxis);
    const crossAxis = mainRow ? FLEX_DIRECTION_COLUMN : FLEX_DIRECTION_ROW;
    const mainOwnerSize = mainRow ? ownerWidth : ownerHeight;
    const crossOwnerSize = mainRow ? ownerHeight : ownerWidth;
    const paddingMain = mainRow ? paddingRow : paddingColumn;
    const paddingCross = mainRow ? paddingColumn : paddingRow;
    const leadingPaddingCross = this.leadingPaddingAndBorder(crossAxis);
    const mainMode = mainRow ? widthMode : heightMode;
    const crossMode = mainRow ? heightMode : widthMode;

    // STEP 2: the space inside.
    const innerWidth = this.availableInner(true, availableWidth - marginRow, paddingRow, ownerWidth);
    const innerHeight = this.availableInner(false, availableHeight - marginColumn, paddingColumn, ownerHeight);
    let innerMain = mainRow ? innerWidth : innerHeight;
    const innerCross = mainRow ? innerHeight : innerWidth;

    // STEP 3: each child's flex basis.
    const inFlow = this.computeFlexBases(innerWidth, innerHeight, widthMode, heightMode);

    // STEP 4: the one flex line.
    const gap = this.gapFor(mainAxis);
    let sizeConsumed = 0;
    let totalGrow = 0;
    let totalShrinkScaled = 0;
    inFlow.forEach((child, index) => {
      const basis = child.boundWithinMinMax(mainRow, child.computedFlexBasis, mainOwnerSize);
      sizeConsumed = f32(sizeConsumed + f32(f32(basis + child.marginFor(mainRow)) + (index === 0 ? 0 : gap)));
      if (child.isFlexible()) {
        totalGrow = f32(totalGrow + child.resolvedFlexGrow());
        totalShrinkScaled = f32(totalShrinkScaled + f32(-child.resolvedFlexShrink() * child.computedFlexBasis));
      }
    });
    if (totalGrow > 0 && totalGrow < 1) totalGrow = 1;
    // As Yoga does (FlexLine.cpp), though the scaled shrink factors are never positive.
    if (totalShrinkScaled > 0 && totalShrinkScaled < 1) totalShrinkScaled = 1;

    // STEP 5: flexible lengths.
    const canSkipFlex = !performLayout && crossMode === STRETCH_FIT;
    let sizeBasedOnContent = false;
    if (mainMode !== STRETCH_FIT) {
      const minInnerMain = resolve(mainRow ? this.minWidth : this.minHeight, mainRow ? ownerWidth : ownerHeight) - paddingMain;
      if (defined(minInnerMain) && sizeConsumed < minInnerMain) {
        innerMain = minInnerMain;
      } else {
        if (totalGrow === 0 || this.resolvedFlexGrow() === 0) innerMain = sizeConsumed;
        sizeBasedOnContent = true;
      }
    }
    let remaining = 0;
    if (!sizeBasedOnContent && defined(innerMain)) remaining = f32(innerMain - sizeConsumed);
    else if (sizeConsumed < 0) remaining = -sizeConsumed;
    if (!canSkipFlex) {
      const line: FlexLine = { items: inFlow, remaining, totalGrow, totalShrinkScaled };
      const distributed = this.resolveFlexibleLengths(line, innerMain, innerCross, innerWidth, innerHeight, crossMode, performLayout);
      remaining = f32(remaining - distributed);
    }

    // STEP 6: main-axis justification, and the line's cross size.
    if (mainMode === FIT_CONTENT && remaining > 0) {
      const min = resolve(mainRow ? this.minWidth : this.minHeight, mainOwnerSize);
      if (defined(min)) {
        const minInner = min - paddingMain;
        remaining = Math.max(0, minInner - (innerMain - remaining));
      } else {
        remaining = 0;
      }
    }
    let leading = 0;
    let between = gap;
    let justify = this.justifyContent;
    if (remaining < 0 && justify >= JUSTIFY_SPACE_BETWEEN) justify = JUSTIFY_FLEX_START;
    const count = inFlow.length;
    switch (justify) {
      case JUSTIFY_CENTER:
        leading = remaining / 2;
        break;
      case JUSTIFY_FLEX_END:
        leading = remaining;
        break;
      case JUSTIFY_SPACE_BETWEEN:
        if (count > 1) between += Math.max(remaining, 0) / (count - 1);
        break;
      case JUSTIFY_SPACE_EVENLY:
        leading = remaining / (count + 1);
        between += leading;
        break;
      case JUSTIFY_SPACE_AROUND:
        leading = (0.5 * remaining) / count;
        between += leading * 2;
        break;
      default:
        break;
    }
    let mainDim = this.leadingPaddingAndBorder(mainAxis) + leading;
    let crossDim = 0;
    inFlow.forEach((child, index) => {
      if (performLayout) child.mainOffset = child.leadingMargin(mainAxis) + mainDim;
      if (index < count - 1) mainDim += between;
      if (canSkipFlex) {
        mainDim += child.marginFor(mainRow) + child.computedFlexBasis;
        crossDim = innerCross;
      } else {
        mainDim += child.measuredWithMargin(mainRow);
        crossDim = maxOrDefined(crossDim, child.measuredWithMargin(!mainRow));
      }
    });
    mainDim += this.trailingPaddingAndBorder(mainAxis);

    let containerCross = innerCross;
    if (crossMode !== STRETCH_FIT) containerCross = this.bound(!mainRow, crossDim + paddingCross, crossOwnerSize) - paddingCross;
    if (crossMode === STRETCH_FIT) crossDim = innerCross;
    crossDim = this.bound(!mainRow, crossDim + paddingCross, crossOwnerSize) - paddingCross;

    // STEP 7: cross-axis alignment, and stretching.
    if (performLayout) {
      for (const child of inFlow) {
        let leadingCross = leadingPaddingCross;
        const align = this.alignmentOf(child);
        if (align === ALIGN_STRETCH) {
          if (!child.hasDefiniteLength(!mainRow, innerCross)) {
            const childMain = child.measured(mainRow) + child.marginFor(mainRow);
            const childCross = crossDim;
            const childWidth = mainRow ? childMain : childCross;
            const childHeight = mainRow ? childCross : childMain;
            child.layout(
              childWidth,
              childHeight,
              defined(childWidth) ? STRETCH_FIT : MAX_CONTENT,
              defined(childHeight) ? STRETCH_FIT : MAX_CONTENT,
              innerWidth,
              innerHeight,
              true,
            );
          }
        } else {
          const remainingCross = containerCross - child.measuredWithMargin(!mainRow);
          if (align === ALIGN_CENTER) leadingCross += remainingCross / 2;
          else if (align === ALIGN_FLEX_END) leadingCross += remainingCross;
        }
        child.crossOffset = child.leadingMargin(crossAxis) + leadingCross;
      }
    }

    // STEP 9: this node's size.
    this.measuredWidth = this.bound(true, availableWidth - marginRow, ownerWidth);
    this.measuredHeight = this.bound(false, availableHeight - marginColumn, ownerHeight);
    if (mainMode !== STRETCH_FIT) {
      // Yoga's maxLineMainDim: a line that came to no number (no items to space out) counts as 0.
      const size = this.bound(mainRow, maxOrDefined(0, mainDim), mainOwnerSize);
      if (mainRow) this.measuredWidth = size;
      else this.measuredHeight = size;
    }
    if (crossMode !== STRETCH_FIT) {
      const size = this.bound(!mainRow, crossDim + paddingCross, crossOwnerSize);
      if (mainRow) this.measuredHeight = size;
      else this.measuredWidth = size;
    }

    // STEP 10: positions, counted from the far edge on a reverse axis.
    if (performLayout) {
      const reverse = isReverse(mainAxis);
      for (const child of inFlow) {
        const main = reverse ? this.measured(mainRow) - child.measured(mainRow) - child.mainOffset : child.mainOffset;
        if (mainRow) {
          child.left = main;
          child.top = child.crossOffset;
        } else {
          child.top = main;
          child.left = child.crossOffset;
        }
      }
    }
  }

  /** Yoga's calculateAvailableInnerDimension. */
  private availableInner(row: boolean, available: number, paddingAndBorder: number, ownerSize: number): number {
    let inner = available - paddingAndBorder;
    if (defined(inner)) {
      const min = resolve(row ? this.minWidth : this.minHeight, ownerSize);
      inner = Math.max(inner, defined(min) ? min - paddingAndBorder : 0);
    }
    return inner;
  }

  private measureWithFunction(
    availableWidth: number,
    availableHeight: number,
    widthMode: Mode,
    heightMode: Mode,
    ownerWidth: number,
    ownerHeight: number,
  ): void {
    const width = widthMode === MAX_CONTENT ? NaN : availableWidth;
    const height = heightMode === MAX_CONTENT ? NaN : availableHeight;
    const paddingRow = this.paddingAndBorderFor(true);
    const paddingColumn = this.paddingAndBorderFor(false);
    if (widthMode === STRETCH_FIT && heightMode === STRETCH_FIT) {
      this.measuredWidth = this.bound(true, width, ownerWidth);
      this.measuredHeight = this.bound(false, height, ownerHeight);
      return;
    }
    const innerWidth = defined(width) ? Math.max(0, width - paddingRow) : width;
    const innerHeight = defined(height) ? Math.max(0, height - paddingColumn) : height;
    const size = this.measureFunc!(innerWidth, widthMode, innerHeight, heightMode);
    const measuredWidth = size.width ?? NaN;
    const measuredHeight = size.height ?? NaN;
    this.measuredWidth = this.bound(true, widthMode === STRETCH_FIT ? width : measuredWidth + paddingRow, ownerWidth);
    this.measuredHeight = this.bound(false, heightMode === STRETCH_FIT ? height : measuredHeight + paddingColumn, ownerHeight);
  }

  /** Yoga's measureNodeWithFixedSize: a measure pass that needs no children. */
  private measureFixedSize(width: number, height: number, widthMode: Mode, heightMode: Mode, ownerWidth: number, ownerHeight: number): boolean {
    const fixed =
      (defined(width) && widthMode === FIT_CONTENT && width <= 0) ||
      (defined(height) && heightMode === FIT_CONTENT && height <= 0) ||
      (widthMode === STRETCH_FIT && heightMode === STRETCH_FIT);
    if (!fixed) return false;
    this.measuredWidth = this.bound(true, Number.isNaN(width) || (widthMode === FIT_CONTENT && width < 0) ? 0 : width, ownerWidth);
    this.measuredHeight = this.bound(false, Number.isNaN(height) || (heightMode === FIT_CONTENT && height < 0) ? 0 : height, ownerHeight);
    return true;
  }

  /** Yoga's computeFlexBasisForChildren; returns the children in the flex line. */
  private computeFlexBases(innerWidth: number, innerHeight: number, widthMode: Mode, heightMode: Mode): Node[] {
    const mainRow = isRow(this.flexDirection);
    const mainMode = mainRow ? widthMode : heightMode;
    let singleFlexChild: Node | null = null;
    if (mainMode === STRETCH_FIT) {
      for (const child of this.children) {
        if (!child.isFlexible()) continue;
        if (singleFlexChild !== null || inexactEquals(child.resolvedFlexGrow(), 0) || inexactEquals(child.resolvedFlexShrink(), 0)) {
          singleFlexChild = null;
          break;
        }
        singleFlexChild = child;
      }
    }
    const inFlow: Node[] = [];
    for (const child of this.children) {
      if (child.display === DISPLAY_NONE) {
        child.zeroOut();
        continue;
      }
      inFlow.push(child);
      if (child === singleFlexChild) child.computedFlexBasis = 0;
      else this.computeFlexBasis(child, innerWidth, widthMode, innerHeight, heightMode);
    }
    return inFlow;
  }

  /** Yoga's computeFlexBasisForChild. */
  private computeFlexBasis(child: Node, width: number, widthMode: Mode, height: number, heightMode: Mode): void {
    const mainRow = isRow(this.flexDirection);
    const mainSize = mainRow ? width : height;
    const mainOwnerSize = mainRow ? width : height;
    const basis = resolve(child.flexBasis, mainOwnerSize);
    const rowDefinite = child.hasDefiniteLength(true, width);
    const columnDefinite = child.hasDefiniteLength(false, height);
    if (defined(basis) && defined(mainSize)) {
      // Yoga keeps a basis set this way until the child changes, even if its owner's size does.
      if (Number.isNaN(child.computedFlexBasis)) child.computedFlexBasis = maxOrDefined(basis, child.paddingAndBorderFor(mainRow));
      return;
    }
    if (mainRow && rowDefinite) {
      child.computedFlexBasis = maxOrDefined(resolve(child.width, width), child.paddingAndBorderFor(true));
      return;
    }
    if (!mainRow && columnDefinite) {
      child.computedFlexBasis = maxOrDefined(resolve(child.height, height), child.paddingAndBorderFor(false));
      return;
    }
    let childWidth = NaN;
    let childHeight = NaN;
    let childWidthMode = MAX_CONTENT;
    let childHeightMode = MAX_CONTENT;
    if (rowDefinite) {
      childWidth = resolve(child.width, width) + child.marginFor(true);
      childWidthMode = STRETCH_FIT;
    }
    if (columnDefinite) {
      childHeight = resolve(child.height, height) + child.marginFor(false);
      childHeightMode = STRETCH_FIT;
    }
    if (Number.isNaN(childWidth) && defined(width)) {
      childWidth = width;
      childWidthMode = FIT_CONTENT;
    }
    if (Number.isNaN(childHeight) && defined(height)) {
      childHeight = height;
      childHeightMode = FIT_CONTENT;
    }
    const stretches = this.alignmentOf(child) === ALIGN_STRETCH;
    if (!mainRow && !rowDefinite && defined(width) && widthMode === STRETCH_FIT && stretches && childWidthMode !== STRETCH_FIT) {
      childWidth = width;
      childWidthMode = STRETCH_FIT;
    }
    if (mainRow && !columnDefinite && defined(height) && heightMode === STRETCH_FIT && stretches && childHeightMode !== STRETCH_FIT) {
      childHeight = height;
      childHeightMode = STRETCH_FIT;
    }
    child.layout(childWidth, childHeight, childWidthMode, childHeightMode, width, height, false);
    child.computedFlexBasis = maxOrDefined(child.measured(mainRow), child.paddingAndBorderFor(mainRow));
  }

  /** Yoga's resolveFlexibleLength: both passes; returns the space handed out. */
  private resolveFlexibleLengths(
    line: FlexLine,
    innerMain: number,
    innerCross: number,
    innerWidth: number,
    innerHeight: number,
    crossMode: Mode,
    performLayout: boolean,
  ): number {
    const mainRow = isRow(this.flexDirection);
    const mainOwnerSize = mainRow ? innerWidth : innerHeight;
    // First pass: items held by their min size leave the shared space.
    let delta = 0;
    for (const child of line.items) {
      const basis = child.boundWithinMinMax(mainRow, child.computedFlexBasis, mainOwnerSize);
      if (line.remaining < 0) {
        const scaled = f32(-child.resolvedFlexShrink() * basis);
        if (defined(scaled) && scaled !== 0) {
          const base = f32(basis + f32(f32(line.remaining / line.totalShrinkScaled) * scaled));
          const bounded = child.bound(mainRow, base, innerMain);
          if (defined(base) && defined(bounded) && base !== bounded) {
            delta = f32(delta + f32(bounded - basis));
            line.totalShrinkScaled = f32(line.totalShrinkScaled - f32(-child.resolvedFlexShrink() * child.computedFlexBasis));
          }
        }
      } else if (defined(line.remaining) && line.remaining > 0) {
        const grow = child.resolvedFlexGrow();
        if (defined(grow) && grow !== 0) {
          const base = f32(basis + f32(f32(line.remaining / line.totalGrow) * grow));
          const bounded = child.bound(mainRow, base, innerMain);
          if (defined(base) && defined(bounded) && base !== bounded) {
            delta = f32(delta + f32(bounded - basis));
            line.totalGrow = f32(line.totalGrow - grow);
          }
        }
      }
    }
    line.remaining = f32(line.remaining - delta);

    // Second pass: the sizes, and each child laid out at its size.
    let distributed = 0;
    for (const child of line.items) {
      const basis = child.boundWithinMinMax(mainRow, child.computedFlexBasis, mainOwnerSize);
      let mainSize = basis;
      if (defined(line.remaining) && line.remaining < 0) {
        const scaled = f32(-child.resolvedFlexShrink() * basis);
        if (scaled !== 0) {
          const size = line.totalShrinkScaled === 0 ? f32(basis + scaled) : f32(basis + f32(f32(line.remaining / line.totalShrinkScaled) * scaled));
          mainSize = child.bound(mainRow, size, innerMain);
        }
      } else if (defined(line.remaining) && line.remaining > 0) {
        const grow = child.resolvedFlexGrow();
        if (defined(grow) && grow !== 0) mainSize = child.bound(mainRow, f32(basis + f32(f32(line.remaining / line.totalGrow) * grow)), innerMain);
      }
      distributed = f32(distributed + f32(mainSize - basis));

      const childMain = f32(mainSize + child.marginFor(mainRow));
      let childCross: number;
      let childCrossMode: Mode;
      const crossDefinite = child.hasDefiniteLength(!mainRow, innerCross);
      const stretches = this.alignmentOf(child) === ALIGN_STRETCH;
      if (defined(innerCross) && !crossDefinite && crossMode === STRETCH_FIT && stretches) {
        childCross = innerCross;
        childCrossMode = STRETCH_FIT;
      } else if (!crossDefinite) {
        childCross = innerCross;
        childCrossMode = Number.isNaN(childCross) ? MAX_CONTENT : FIT_CONTENT;
      } else {
        childCross = resolve(mainRow ? child.height : child.width, innerCross) + child.marginFor(!mainRow);
        childCrossMode = Number.isNaN(childCross) ? MAX_CONTENT : STRETCH_FIT;
      }
      const requiresStretch = !crossDefinite && stretches;
      child.layout(
        mainRow ? childMain : childCross,
        mainRow ? childCross : childMain,
        mainRow ? STRETCH_FIT : childCrossMode,
        mainRow ? childCrossMode : STRETCH_FIT,
        innerWidth,
        innerHeight,
        performLayout && !requiresStretch,
      );
    }
    return distributed;
  }

  /** A display:none subtree takes no space, and keeps nothing of its last layout (as in Yoga). */
  private zeroOut(): void {
    this.measuredWidth = this.measuredHeight = this.layoutWidth = this.layoutHeight = 0;
    this.left = this.top = 0;
    this.forgetLayout();
    this.dirty = false;
    for (const child of this.children) child.zeroOut();
  }

  /** Yoga's roundLayoutResultsToPixelGrid with one point a cell; text never rounds down. */
  private round(absoluteLeft: number, absoluteTop: number): void {
    const text = this.measureFunc !== null;
    const left = absoluteLeft + this.left;
    const top = absoluteTop + this.top;
    const fractionalWidth = !nearWhole(this.layoutWidth);
    const fractionalHeight = !nearWhole(this.layoutHeight);
    this.roundedLeft = roundToCell(this.left, false, text);
    this.roundedTop = roundToCell(this.top, false, text);
    this.roundedWidth = roundToCell(left + this.layoutWidth, text && fractionalWidth, text && !fractionalWidth) - roundToCell(left, false, text);
    this.roundedHeight = roundToCell(top + this.layoutHeight, text && fractionalHeight, text && !fractionalHeight) - roundToCell(top, false, text);
    for (const child of this.children) child.round(left, top);
  }
}

interface ResolvedEdges {
  /** By physical edge: left, top, right, bottom. */
  margin: number[];
  /** Padding and border by physical edge. */
  inset: number[];
  marginRow: number;
  marginColumn: number;
  insetRow: number;
  insetColumn: number;
}

type NumericStyle = 'flexDirection' | 'justifyContent' | 'alignItems' | 'alignSelf' | 'positionType' | 'flexWrap' | 'display' | 'flexGrow' | 'flexShrink';

interface FlexLine {
  items: Node[];
  remaining: number;
  totalGrow: number;
  totalShrinkScaled: number;
}

/**
 * Percentages and fractional flex factors make Yoga's 32-bit arithmetic decide a cell either
 * way (17.9999 wraps text where 18 does not), which this does not reproduce bit for bit.
 */
function refusePercent(): never {
  throw new Error('flex-layout: sizes in percent are not supported');
}
function refuseFraction(what: string, value: number): void {
  if (!Number.isInteger(value) && !Number.isNaN(value)) throw new Error(`flex-layout: a fractional ${what} (${value}) is not supported`);
}

function refuseBaseline(value: number): void {
  if (value === ALIGN_BASELINE) throw new Error('flex-layout: baseline alignment is not supported');
}

function nearWhole(value: number): boolean {
  const fraction = value % 1;
  return inexactEquals(fraction, 0) || inexactEquals(fraction, 1);
}

/** Yoga's roundValueToPixelGrid at one point per cell. */
function roundToCell(value: number, forceCeil: boolean, forceFloor: boolean): number {
  let fraction = value % 1;
  if (fraction < 0) fraction += 1;
  if (inexactEquals(fraction, 0)) return value - fraction;
  if (inexactEquals(fraction, 1)) return value - fraction + 1;
  if (forceCeil) return value - fraction + 1;
  if (forceFloor) return value - fraction;
  return value - fraction + (fraction > 0.5 || inexactEquals(fraction, 0.5) ? 1 : 0);
}

/** What Ink imports as `Yoga`: the node class and the constants. */
const Yoga = { Node, ...constants };
export default Yoga;
