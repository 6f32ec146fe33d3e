/**
 * The translators' check in a worker thread (see build-check.ts): runs `checkTranslations` on
 * the options it is started with and posts the problems back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkTranslations, type TranslationCheckOptions } from './check.ts';

parentPort?.postMessage(await checkTranslations(workerData as TranslationCheckOptions));
