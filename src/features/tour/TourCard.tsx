import { useRef } from 'react';
import { usePlayground } from '../../store';
import './tour.css';
import { ShowTabButton } from './ShowTabButton';
import { TourStepText } from './TourStepText';
import { TOUR, TOUR_STEPS, targetOf } from './tourSteps';
import { useDock } from './useDock';
import { useSpotlight } from './useSpotlight';

/**
 * The tour's card: non-modal (the page stays usable, and the card never takes the focus), docked
 * at the bottom of the side panel so it covers none of the controls the steps use, and last in
 * the page's order. It shows the step, what is left to do, and Back, Next and `Leave tour`.
 */
export function TourCard() {
  const status = usePlayground((s) => s.tourStatus);
  return status === 'open' ? <OpenTourCard /> : null;
}

function OpenTourCard() {
  const stepId = usePlayground((s) => s.tourStep);
  const met = usePlayground((s) => s.tourMet);
  const moveTour = usePlayground((s) => s.moveTour);
  const leaveTour = usePlayground((s) => s.leaveTour);
  const loadExample = usePlayground((s) => s.loadExample);
  const card = useRef<HTMLElement>(null);
  useDock(card);
  useSpotlight(targetOf(stepId, met));

  const step = TOUR[stepId];
  const index = TOUR_STEPS.indexOf(stepId);
  const last = index === TOUR_STEPS.length - 1;
  return (
    <section ref={card} className="tour" aria-label="Tour">
      <div className="tour__head">
        <div aria-live="polite">
          <p className="tour__count">
            Tour, step {index + 1} of {TOUR_STEPS.length}
          </p>
          <h2 className="tour__title">{step.title}</h2>
        </div>
        <button type="button" className="button button--quiet tour__leave" onClick={leaveTour}>
          Leave tour
        </button>
      </div>
      {/* The only part that scrolls: the step's name and its buttons stay in sight on a small screen. */}
      <div className="tour__body">
        <TourStepText step={stepId} />
        {step.goals.length > 0 && (
          <ul className="tour__goals" aria-label="To do">
            {step.goals.map((goal) => {
              const done = met.includes(goal.id);
              return (
                <li key={goal.id} className={done ? 'tour__goal tour__goal--done' : 'tour__goal'}>
                  <span aria-hidden="true">{done ? '✓' : '○'}</span> <span className="visually-hidden">{done ? 'Done:' : 'To do:'}</span> {goal.label}
                </li>
              );
            })}
          </ul>
        )}
        {stepId === 'failures' && (
          <button type="button" className="button tour__extra" onClick={() => void loadExample('faulty')}>
            Try the faulty example
          </button>
        )}
        {stepId === 'next' && (
          <div className="tour__tabs">
            <ShowTabButton tab="interface" label="Interface" />
            <ShowTabButton tab="editor" label="Editor" />
          </div>
        )}
      </div>
      <div className="tour__actions">
        {index > 0 && (
          <button type="button" className="button" onClick={() => moveTour(-1)}>
            Back
          </button>
        )}
        <button type="button" className="button button--primary" onClick={() => moveTour(1)}>
          {last ? 'Finish tour' : 'Next'}
        </button>
      </div>
    </section>
  );
}
