export { csvImporter } from './csv.js';
export { jsonlImporter } from './jsonl.js';
