import type { AttachmentType } from '../../domain/index.js';
import { keyList, keyMap, keySet } from './marker-key.js';

/**
 * The texts WhatsApp writes in place of a message, per locale. Matching is exact on the body
 * with its leading marks removed (and, for deleted markers, without a final full stop), so a
 * sender who merely mentions "image omitted" in a sentence is not affected. Tables and the text
 * looked up are compared in NFD (`markerKey`), only for matching: WhatsApp's Hindi strings use
 * U+095C where a hand-typed table has U+0921 U+093C. Entries marked
 * (corpus) were read in ../shared/exports/whatsapp; the others are WhatsApp's strings for the
 * most common locales. Unknown locales still work where the structure tells (iOS marks, Android
 * attachment file names, map links); see classify.ts.
 */

/** Android, the whole first line: a media message exported without its media. */
export const ANDROID_MEDIA_OMITTED: ReadonlySet<string> = keySet([
  '<Media omitted>', // en (corpus)
  '<Média vynechány>', // cs (corpus)
  '<Без медиафайлов>', // ru (corpus)
  '<Media weggelaten>', // nl (corpus)
  '<Medien ausgeschlossen>', // de
  '<Medien weggelassen>', // de
  '<Multimedia omitido>', // es
  '<Archivo omitido>', // es
  '<Mídia oculta>', // pt-BR
  '<Ficheiro não revelado>', // pt-PT
  '<Médias omis>', // fr
  '<Media omessi>', // it
  '<Medya dahil edilmedi>', // tr
  '<Pominięto multimedia>', // pl
  '<Media tidak disertakan>', // id
  '<Медіа пропущено>', // uk
]);

/** iOS, the whole first line: media exported without the file, with its type. */
export const IOS_MEDIA_OMITTED: ReadonlyMap<string, AttachmentType> = keyMap([
  // en (corpus)
  ['image omitted', 'image'],
  ['video omitted', 'video'],
  ['audio omitted', 'audio'],
  ['sticker omitted', 'sticker'],
  ['GIF omitted', 'gif'],
  ['Contact card omitted', 'contact'],
  ['document omitted', 'document'],
  // cs (corpus)
  ['obrázek vynechán', 'image'],
  ['video vynecháno', 'video'],
  ['zvukový soubor vynechán', 'audio'],
  ['nálepka vynechána', 'sticker'],
  ['GIF vynechán', 'gif'],
  ['Vizitka vynechána', 'contact'],
  // fr (corpus)
  ['image absente', 'image'],
  ['vidéo absente', 'video'],
  ['audio omis', 'audio'],
  ['sticker omis', 'sticker'],
  ['GIF retiré', 'gif'],
  ['Fiche contact manquante', 'contact'],
  // de (corpus)
  ['Bild weggelassen', 'image'],
  ['Video weggelassen', 'video'],
  ['Audio weggelassen', 'audio'],
  ['Sticker weggelassen', 'sticker'],
  ['GIF weggelassen', 'gif'],
  ['Kontaktkarte ausgelassen', 'contact'],
  // it (corpus)
  ['immagine omessa', 'image'],
  ['video omesso', 'video'],
  ['audio omesso', 'audio'],
  ['sticker non incluso', 'sticker'],
  ['GIF esclusa', 'gif'],
  ['Scheda contatto omessa', 'contact'],
  // pt-PT (corpus)
  ['imagem não revelada', 'image'],
  ['vídeo não revelado', 'video'],
  ['ficheiro de áudio não revelado', 'audio'],
  ['sticker não revelado', 'sticker'],
  ['GIF não revelada', 'gif'],
  ['Contacto não revelado', 'contact'],
  // ru (corpus)
  ['изображение отсутствует', 'image'],
  ['видео отсутствует', 'video'],
  ['аудиофайл отсутствует', 'audio'],
  ['стикер не добавлен', 'sticker'],
  ['GIF отсутствует', 'gif'],
  ['Карточка контакта отсутствует', 'contact'],
  // es (corpus)
  ['imagen omitida', 'image'],
  ['Video omitido', 'video'],
  ['audio omitido', 'audio'],
  ['sticker omitido', 'sticker'],
  ['GIF omitido', 'gif'],
  ['Tarjeta de contacto omitida', 'contact'],
  // uk (corpus)
  ['зображення відсутнє', 'image'],
  ['відео відсутнє', 'video'],
  ['аудіо відсутнє', 'audio'],
  ['Наклейку не додано', 'sticker'],
  ['GIF-анімацію пропущено', 'gif'],
  ['Картка контакту відсутня', 'contact'],
  // hi (corpus)
  ['फ़ोटो हटाई गई', 'image'],
  ['वीडियो छोड़ा गया', 'video'],
  ['ऑडियो हटाई गयी', 'audio'],
  ['स्टिकर छोड़ा गया', 'sticker'],
  ['GIF छोड़ा गया', 'gif'],
  ['कॉन्टैक्ट कार्ड छोड़ा गया', 'contact'],
  // id (corpus)
  ['gambar tidak disertakan', 'image'],
  ['video tidak disertakan', 'video'],
  ['audio tidak disertakan', 'audio'],
  ['stiker tidak disertakan', 'sticker'],
  ['GIF tidak disertakan', 'gif'],
  ['Kartu kontak tidak disertakan', 'contact'],
  // ja (corpus)
  ['画像は含まれていません', 'image'],
  ['ビデオは含まれていません', 'video'],
  ['音声は含まれていません', 'audio'],
  ['スタンプは含まれていません', 'sticker'],
  ['GIFは含まれていません', 'gif'],
  ['連絡先カードを省略', 'contact'],
  // ar (corpus)
  ['لم يتم إدراج الصورة', 'image'],
  ['لم يتم إدراج الفيديوهات', 'video'],
  ['لم يتم إدراج المقاطع الصوتية', 'audio'],
  ['تم حذف الملصقات', 'sticker'],
  ['لم يتم إدراج صورة GIF', 'gif'],
  ['لم يتم إدراج بطاقة جهة اتصال', 'contact'],
]);

/**
 * iOS documents: "<title> • <pages> <marker>" on one line, the marker after a mark. The title is
 * the document's name as shared.
 */
export const IOS_DOCUMENT_OMITTED: ReadonlySet<string> = keySet([
  'document omitted', // en (corpus)
  'dokument vynechán', // cs (corpus)
  'document manquant', // fr (corpus)
  'Dokument weggelassen', // de (corpus)
  'documento omesso', // it (corpus)
  'documento não revelado', // pt-PT (corpus)
  'документ отсутствует', // ru (corpus)
  'documento omitido', // es (corpus)
  'документ пропущено', // uk (corpus)
  'डॉक्यूमेंट छोड़ा गया', // hi (corpus)
  'dokumen tidak disertakan', // id (corpus)
  'ドキュメントは含まれていません', // ja (corpus)
  'لم يتم إدراج المستند', // ar (corpus)
]);

/** Deleted-message placeholders, compared without a final "." or "。". */
export const DELETED: ReadonlySet<string> = keySet([
  'This message was deleted', // en (corpus)
  'You deleted this message', // en (corpus)
  'Tato zpráva byla odstraněna', // cs Android (corpus)
  'Tuto zprávu jste odstranil/a', // cs Android (corpus)
  'Tato zpráva byla smazána', // cs iOS (corpus)
  'Tuto zprávu jste smazal/a', // cs iOS (corpus)
  'Данное сообщение удалено', // ru (corpus)
  'Вы удалили данное сообщение', // ru (corpus)
  'Dit bericht is verwijderd', // nl (corpus)
  'U hebt dit bericht verwijderd', // nl (corpus)
  'Je hebt dit bericht verwijderd', // nl
  'Ce message a été supprimé', // fr (corpus)
  'Vous avez supprimé ce message', // fr (corpus)
  'Diese Nachricht wurde gelöscht', // de (corpus)
  'Du hast diese Nachricht gelöscht', // de (corpus)
  'Questo messaggio è stato eliminato', // it (corpus)
  'Hai eliminato questo messaggio', // it (corpus)
  'Esta mensagem foi apagada', // pt-PT (corpus)
  'Apagou esta mensagem', // pt-PT (corpus)
  'Mensagem apagada', // pt-BR
  'Você apagou esta mensagem', // pt-BR
  'Se eliminó este mensaje', // es (corpus)
  'Eliminaste este mensaje', // es (corpus)
  'Este mensaje fue eliminado', // es
  'Це повідомлення було видалено', // uk (corpus)
  'Ви видалили це повідомлення', // uk (corpus)
  'यह मैसेज डिलीट कर दिया गया है', // hi (corpus)
  'आपने यह मैसेज डिलीट किया', // hi (corpus)
  'Pesan ini dihapus', // id (corpus)
  'Anda menghapus pesan ini', // id (corpus)
  'このメッセージは削除されました', // ja (corpus)
  'このメッセージを削除しました', // ja (corpus)
  'تم حذف هذه الرسالة', // ar (corpus)
  'أنت حذفت هذه الرسالة', // ar (corpus)
  'لقد حذَفت هذه الرسالة', // ar (corpus)
  'Bu mesaj silindi', // tr
  'Bu mesajı sildiniz', // tr
  'Ta wiadomość została usunięta', // pl
  'Usunięto tę wiadomość', // pl
]);

/** Android "file (file attached)": the phrase in the parentheses. */
export const ANDROID_FILE_ATTACHED: ReadonlySet<string> = keySet([
  'file attached', // en (corpus)
  'soubor byl přiložen', // cs (corpus)
  'файл добавлен', // ru (corpus)
  'bestand bijgevoegd', // nl (corpus)
  'Datei angehängt', // de
  'archivo adjunto', // es
  'arquivo anexado', // pt-BR
  'ficheiro anexado', // pt-PT
  'fichier joint', // fr
  'file allegato', // it
  'dosya ekli', // tr
  'załączony plik', // pl
  'file terlampir', // id
  'файл додано', // uk
  'الملف مرفق', // ar
]);

/** Calls: the whole body, or its start before ", " (iOS adds "Tap to call back"). */
export const CALLS: readonly string[] = keyList([
  'Missed voice call', // en (corpus)
  'Missed video call',
  'Missed group voice call',
  'Missed group video call',
  'Voice call',
  'Video call',
  'Zmeškaný hovor', // cs (corpus)
  'Zmeškaný videohovor', // cs
  'Пропущенный аудиозвонок', // ru (corpus)
  'Пропущенный видеозвонок', // ru
  'Gemiste spraakoproep', // nl (corpus)
  'Gemiste video-oproep', // nl
  'Verpasster Sprachanruf', // de
  'Verpasster Videoanruf', // de
  'Llamada perdida', // es
  'Videollamada perdida', // es
  'Llamada de voz perdida', // es
  'Appel vocal manqué', // fr
  'Appel vidéo manqué', // fr
  'Chiamata vocale persa', // it
  'Videochiamata persa', // it
  'Chamada de voz perdida', // pt
  'Chamada de vídeo perdida', // pt
]);

/** Polls start with this line (Android and iOS), followed by the question and OPTION lines. */
export const POLL_HEADS: ReadonlySet<string> = keySet([
  'POLL:', // en
  'ENCUESTA:', // es
  'UMFRAGE:', // de
  'SONDAGE :', // fr
  'SONDAGE:', // fr
  'SONDAGGIO:', // it
  'ENQUETE:', // pt
  'ОПРОС:', // ru
  'ОПИТУВАННЯ:', // uk
  'PEILING:', // nl
  'ANKIETA:', // pl
  'ANKET:', // tr
  'ANKETA:', // cs
]);

/**
 * Notices WhatsApp attributes to a person or the group ("Elon Musk: Messages and calls are...")
 * in exports that carry no marks: the start of the text is enough.
 */
export const SYSTEM_PREFIXES: readonly string[] = keyList([
  'Messages and calls are end-to-end encrypted', // en (corpus)
  'Messages to this group are now secured with end-to-end encryption', // en (corpus)
  'Messages you send to this group are now secured with end-to-end encryption', // en (corpus)
  'Messages to this chat and calls are now secured with end-to-end encryption', // en
  'Messages you send to this chat and calls are now secured with end-to-end encryption', // en
  'Your security code with ', // en (corpus)
  'Zprávy a hovory jsou', // cs (corpus)
  'Сообщения и звонки защищены сквозным шифрованием', // ru (corpus)
  'Berichten en oproepen worden end-to-end versleuteld', // nl (corpus)
  'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt', // de (corpus)
  'Les messages et les appels sont chiffrés de bout en bout', // fr (corpus)
  'I messaggi e le chiamate sono crittografati end-to-end', // it (corpus)
  'As mensagens e chamadas são encriptadas ponto a ponto', // pt-PT (corpus)
  'As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta', // pt-BR
  'Los mensajes y las llamadas están cifrados de extremo a extremo', // es (corpus)
  'Повідомлення й дзвінки захищено наскрізним шифруванням', // uk (corpus)
  'मैसेजेस और कॉल्स एंड-टू-एंड एन्क्रिप्टेड हैं', // hi (corpus)
  'Pesan dan panggilan terenkripsi secara end-to-end', // id (corpus)
  'メッセージと通話はエンドツーエンド暗号化されています', // ja (corpus)
  'الرسائل والمكالمات مشفرة تمامًا بين الطرفين', // ar (corpus)
  'Mesajlar ve aramalar uçtan uca şifrelidir', // tr
]);

/** Words that mark an edit notice ("<This message was edited>") appended at the end of a text. */
export const EDITED_WORDS: readonly string[] = keyList([
  'edited', // en
  'bearbeitet', // de
  'editado', // es, pt
  'editó', // es
  'modifié', // fr
  'modificato', // it
  'bewerkt', // nl
  'изменено', // ru
  'відредаговано', // uk
  'upraveno', // cs
  'edytowana', // pl
  'düzenlendi', // tr
  'diedit', // id
  '編集済み', // ja
  'تم تعديل', // ar
  'संपादित', // hi
]);

/** iOS and Android location labels are localised; any short label before a maps link will do. */
export const MAPS_LINK =
  /^(?:[^\s:]{1,30}(?: [^\s:]{1,30})?\s?:\s)?https:\/\/maps\.google\.com\/\?q=\S+$/u;

/** Foursquare venue shares: "Place (Address): URL" (iOS) or three lines ending in the URL (Android). */
export const FOURSQUARE_LINK = /^https:\/\/foursquare\.com\/v\/\S+$/u;
export const FOURSQUARE_INLINE = /^.+: https:\/\/foursquare\.com\/v\/\S+$/u;

export const LIVE_LOCATION: ReadonlySet<string> = keySet([
  'Live location shared', // en
  'Standort in Echtzeit geteilt', // de
  'Ubicación en tiempo real compartida', // es
  'Position en direct partagée', // fr
]);

/**
 * Cheap necessary conditions for the exact-match tables, checked before any lookup so that the
 * common case (a sender's text) costs two comparisons: a placeholder is short and starts with
 * one of a few characters (compared in NFD, like the tables; classify.ts builds its tables of
 * first characters from EXACT_KEYS).
 */
const EXACT_TABLES: readonly Iterable<string>[] = [
  ANDROID_MEDIA_OMITTED,
  IOS_MEDIA_OMITTED.keys(),
  DELETED,
  CALLS,
  POLL_HEADS,
  LIVE_LOCATION,
  ['null'],
];
export const EXACT_KEYS: readonly string[] = EXACT_TABLES.flatMap((t) => [...t]);
/** A deleted marker may carry a final full stop that the table leaves out. */
export const MAX_EXACT_LENGTH = Math.max(...EXACT_KEYS.map((k) => k.length)) + 1;
/** The notices by their first character, so a text is compared with a handful at most. */
export const SYSTEM_PREFIXES_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const p of SYSTEM_PREFIXES) {
    const list = map.get(p.charAt(0)) ?? [];
    list.push(p);
    map.set(p.charAt(0), list);
  }
  return map;
})();
/** The longest notice prefix: only that much of a text is ever compared. */
export const MAX_SYSTEM_PREFIX = Math.max(...SYSTEM_PREFIXES.map((p) => p.length));
/** Last two characters of the document markers, composed and decomposed. */
export const DOCUMENT_ENDINGS: ReadonlySet<string> = new Set(
  [...IOS_DOCUMENT_OMITTED].flatMap((k) => [k.slice(-2), k.normalize('NFC').slice(-2)]),
);
