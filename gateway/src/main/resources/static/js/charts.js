// Charts (ECharts from npm, copied into static/vendor by the Maven build). Every chart has the same figures in a
// table or list next to it, so nothing depends on seeing the canvas.
import {el, replace} from './dom.js';

export const THIN_EVIDENCE = 3;

const escapeText = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** ECharts, loaded only on the screens that chart; null (after logging) when it cannot load. */
export async function loadECharts() {
  try {
    return await import('../vendor/echarts.esm.min.js');
  } catch (e) {
    console.error(e);
    return null;
  }
}

/**
 * Learner x outcome heatmap; cell(li, oi) gives {mastery, evidence} or nothing, onSelect(li, oi) runs on a click.
 * Cells resting on fewer than THIN_EVIDENCE answers are faded.
 */
export async function drawHeatmap(box, learners, outcomes, cell, onSelect) {
  const echarts = await loadECharts();
  if (!echarts) {
    replace(box, el('p', {class: 'muted', text: 'The chart could not load; the table below has the same figures.'}));
    return;
  }
  box.style.height = `${Math.max(220, 60 + learners.length * 36)}px`;
  const data = [];
  learners.forEach((_, li) => outcomes.forEach((__, oi) => {
    const m = cell(li, oi);
    data.push({value: [oi, li, m ? Math.round(m.mastery * 100) : '-'],
      itemStyle: m && m.evidence < THIN_EVIDENCE ? {opacity: 0.45} : undefined});
  }));
  const chart = echarts.init(box, null, {renderer: 'canvas'});
  chart.setOption({
    animation: false,
    grid: {left: 8, right: 8, top: 8, bottom: 64, containLabel: true},
    xAxis: {type: 'category', data: outcomes.map((o) => o.code), splitArea: {show: true}},
    yAxis: {type: 'category', data: learners, inverse: true, splitArea: {show: true}},
    visualMap: {min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
      text: ['100% mastery', '0%'], inRange: {color: ['#fde0dd', '#fdae61', '#a6d96a', '#1a9641']}},
    tooltip: {formatter: (p) => {
      const [oi, li, v] = p.value;
      // learner ids are user text: escape them, the tooltip is HTML
      return `${escapeText(learners[li])}<br>${escapeText(outcomes[oi].code)}: ${v === '-' ? 'no answers' : `${v}%`}`;
    }},
    series: [{type: 'heatmap', data, label: {show: true, formatter: (p) => (p.value[2] === '-' ? '' : `${p.value[2]}%`)},
      emphasis: {itemStyle: {borderColor: '#1b1f24', borderWidth: 2}}}],
  });
  chart.on('click', (p) => onSelect(p.value[1], p.value[0]));
  new ResizeObserver(() => chart.resize()).observe(box);
}

/** Mean mastery per day (line, left axis, %) and answers per day (bars, right axis). points: [{date, meanMastery, answers}]. */
export async function drawTrend(box, points) {
  const echarts = await loadECharts();
  if (!echarts) {
    replace(box, el('p', {class: 'muted', text: 'The chart could not load; the table has the same figures.'}));
    return;
  }
  const chart = echarts.init(box, null, {renderer: 'canvas'});
  chart.setOption({
    animation: false,
    grid: {left: 8, right: 8, top: 36, bottom: 8, containLabel: true},
    legend: {top: 0, data: ['Mean mastery', 'Answers']},
    tooltip: {trigger: 'axis'},
    xAxis: {type: 'category', data: points.map((p) => p.date)},
    yAxis: [{type: 'value', min: 0, max: 100, name: '%', axisLabel: {formatter: '{value}%'}},
      {type: 'value', name: 'answers', minInterval: 1, splitLine: {show: false}}],
    series: [
      {name: 'Answers', type: 'bar', yAxisIndex: 1, data: points.map((p) => p.answers ?? 0), itemStyle: {color: '#c9d1da'}},
      {name: 'Mean mastery', type: 'line', data: points.map((p) => (p.meanMastery == null ? null : Math.round(p.meanMastery * 100))),
        connectNulls: true, itemStyle: {color: '#1a4fa0'}, lineStyle: {width: 3}},
    ],
  });
  new ResizeObserver(() => chart.resize()).observe(box);
}
