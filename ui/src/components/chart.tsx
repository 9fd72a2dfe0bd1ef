import { useEffect, useRef } from 'preact/hooks';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface Props {
  /** Read by screen readers instead of the drawing. */
  label: string;
  series: { label: string; colour: string }[];
  /** Seconds since the epoch, then one array per series (null: no value). */
  data: AlignedData;
  unit?: string;
}

const HEIGHT = 220;

/**
 * A line chart with uPlot (canvas). It follows its container's width, so it reads at phone
 * width as on a desktop; the figure's label and the table beside it carry the same data.
 */
export function Chart({ label, series, data, unit }: Props) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = series.map((s) => s.label).join('|');

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const options: Options = {
      width: Math.max(element.clientWidth, 200),
      height: HEIGHT,
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.colour,
          width: 2,
          spanGaps: false,
        })),
      ],
      axes: [{}, { label: unit, size: 60 }],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
    };
    const chart = new uPlot(options, data, element);
    plot.current = chart;
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(element.clientWidth, 200), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // A new chart only when the series change; new data goes through setData below.
  }, [shape, unit]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return <div class="chart" ref={holder} role="img" aria-label={label} />;
}
