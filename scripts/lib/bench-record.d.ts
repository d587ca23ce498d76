export interface BenchFigure {
    /** The bench this figure belongs to, e.g. "api". */
    bench: string;
    /** What was measured, e.g. "cached mode=data throughput". */
    figure: string;
    value: number;
    unit: string;
    /** What the figure is compared with, measured in the same run (omit for absolute goals such as sizes). */
    baseline?: string;
    baselineValue?: number;
    /** value / baselineValue (or the goal's own ratio); computed when omitted. */
    ratio?: number;
    /** The goal in words, e.g. "≥ 0.8× baseline" or "≤ 120 KB". */
    goal: string;
    pass: boolean;
}
export declare function recordFigure(figure: BenchFigure): void;
export declare function format(value: number | undefined): string;
