import { ExampleGallery } from './ExampleGallery';
import { LoadReport } from './LoadReport';
import './loader.css';

/** The strip under the header: the examples to pick from, and how the last load went. */
export function ExamplePicker() {
  return (
    <div className="loader">
      <ExampleGallery />
      <LoadReport />
    </div>
  );
}
