/**
 * Faker methods suggested by a field's name, alone (`email`) or with its parent's (`company.name`).
 * Names are compared lower-case without `_` and `-`. Every method here is in faker's catalog
 * (a test checks it).
 */
const BY_PARENT: ReadonlyMap<string, string> = new Map([
  ['company.name', 'company.name'],
  ['company.catchphrase', 'company.catchPhrase'],
  ['company.bs', 'company.buzzPhrase'],
  ['geo.lat', 'location.latitude'],
  ['geo.lng', 'location.longitude'],
  ['product.name', 'commerce.productName'],
])

const BY_NAME: ReadonlyMap<string, string> = new Map([
  ['name', 'person.fullName'],
  ['fullname', 'person.fullName'],
  ['firstname', 'person.firstName'],
  ['lastname', 'person.lastName'],
  ['username', 'internet.username'],
  ['login', 'internet.username'],
  ['email', 'internet.email'],
  ['phone', 'phone.number'],
  ['phonenumber', 'phone.number'],
  ['mobile', 'phone.number'],
  ['website', 'internet.domainName'],
  ['domain', 'internet.domainName'],
  ['street', 'location.street'],
  ['streetaddress', 'location.streetAddress'],
  ['address', 'location.streetAddress'],
  ['suite', 'location.secondaryAddress'],
  ['city', 'location.city'],
  ['state', 'location.state'],
  ['country', 'location.country'],
  ['countrycode', 'location.countryCode'],
  ['zipcode', 'location.zipCode'],
  ['zip', 'location.zipCode'],
  ['postcode', 'location.zipCode'],
  ['postalcode', 'location.zipCode'],
  ['lat', 'location.latitude'],
  ['latitude', 'location.latitude'],
  ['lng', 'location.longitude'],
  ['lon', 'location.longitude'],
  ['longitude', 'location.longitude'],
  ['company', 'company.name'],
  ['catchphrase', 'company.catchPhrase'],
  ['jobtitle', 'person.jobTitle'],
  ['bio', 'person.bio'],
  ['gender', 'person.gender'],
  ['avatar', 'image.avatar'],
  ['color', 'color.human'],
  ['colour', 'color.human'],
  ['password', 'internet.password'],
  ['currency', 'finance.currencyCode'],
  ['iban', 'finance.iban'],
  ['product', 'commerce.productName'],
  ['productname', 'commerce.productName'],
  ['department', 'commerce.department'],
  ['useragent', 'internet.userAgent'],
  ['slug', 'lorem.slug'],
  ['word', 'lorem.word'],
])

function normal(name: string): string {
  return name.toLowerCase().replaceAll(/[_-]/g, '')
}

/** The faker method a field's name suggests, if any. */
export function fakerForName(name: string, parent: string | undefined): string | undefined {
  const key = normal(name)
  if (parent !== undefined) {
    const withParent = BY_PARENT.get(`${normal(parent)}.${key}`)
    if (withParent !== undefined) return withParent
  }
  return BY_NAME.get(key)
}

/** Every method the names above suggest, for the test against faker's catalog. */
export function namedFakerMethods(): string[] {
  return [...new Set([...BY_PARENT.values(), ...BY_NAME.values()])]
}
