import { rawBodyExtension } from './raw-body-file';

describe('rawBodyExtension', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/cloudevents+json', 'json'],
    ['text/xml', 'xml'],
    ['application/soap+xml', 'xml'],
    ['application/x-www-form-urlencoded', 'txt'],
    ['text/plain', 'txt'],
    ['multipart/form-data; boundary=x', 'bin'],
    [null, 'bin'],
  ])('%s is .%s', (type, extension) => {
    expect(rawBodyExtension(type)).toBe(extension);
  });
});
