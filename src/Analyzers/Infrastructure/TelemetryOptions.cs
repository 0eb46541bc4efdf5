using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// The rule options a team sets in .editorconfig:
/// <code>
/// telemetry_conventions.identifier_patterns = patient, student, mrn, badge
/// telemetry_conventions.sanitizers = Contoso.Privacy.Tokens.Tokenize, Contoso.Privacy.Vault.Store
/// </code>
/// Options are read per syntax tree (editorconfig sections apply per file) and parsed once per
/// distinct value.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string IdentifierPatternsKey = "telemetry_conventions.identifier_patterns";
    public const string SanitizersKey = "telemetry_conventions.sanitizers";

    /// <summary>
    /// Words that make a name a personal identifier: who it is about (patient, student, …) and the
    /// identifiers that are personal by themselves (mrn, ssn, email, …).
    /// </summary>
    public static readonly ImmutableArray<string> DefaultIdentifierPatterns = ImmutableArray.Create(
        "patient", "student", "pupil", "learner", "customer", "user", "player", "member", "account",
        "person", "employee", "guest", "citizen", "subscriber", "viewer", "passenger", "resident",
        "buyer", "shopper", "purchaser", "payer", "recipient", "visitor", "applicant", "beneficiary", "donor",
        "mrn", "ssn", "nhs", "passport", "email", "phone", "msisdn", "iban",
        // National and tax numbers, gamer handles, guardians, travellers and card holders.
        "national", "nino", "taxpayer", "tax", "medicare", "gamertag", "nickname", "username", "guardian", "driver", "rider",
        "traveler", "traveller", "commuter", "cardholder", "holder", "imei", "imsi", "iccid", "plate", "dob", "mpan", "mprn",
        // A person's names and sign-in names, an exam or job candidate, a vehicle's identification number.
        "surname", "forename", "upn", "login", "candidate", "vin",
        // An IP address is its user's (client.address); a server's, host's or node's is a machine's.
        "ip",
        // Staff are people too: the clinician who ordered a test, the officer who issued a ticket.
        "clinician", "physician", "officer", "staff", "carer", "caregiver", "nurse", "mobile",
        "consultant", "doctor", "teacher", "tutor", "lecturer", "instructor", "cashier", "inspector",
        // The person a bank transfer or direct debit comes from.
        "debtor",
        // Who moderates a community or a queue of reports is a member of staff, named as such.
        "moderator",
        // A payment card's primary account number.
        "pan",
        // A full postcode narrows an address to a few households; its outward part (a district) is about it.
        "postcode", "zipcode",
        // Platform and scheme numbers that stand for one person: an Xbox user id, a SteamID, an xAPI
        // actor's mailbox, a UK vehicle registration mark, an ITSO smartcard number, a railcard.
        "xuid", "steamid", "mbox", "vrm", "isrn", "railcard",
        // A smartcard held as text is its number, its holder's (a concessionary or travel smartcard); its type or balance is not.
        "smartcard",
        // A learner's unique numbers: an exam candidate's unique candidate identifier, a unique learner number.
        "uci", "uln",
        // People by the part they play: who invited or was invited, won, wrote, asked for, reported or
        // reviewed something, a team's mate, a friend.
        "invitee", "inviter", "winner", "author", "assignee", "requester", "requestor", "reporter", "reviewer",
        "attendee", "participant", "opponent", "teammate", "friend", "follower",
        // A show's contestant and a competition's entrant (a competitor is as often a rival business).
        "contestant", "entrant", "apprentice", "trainee",
        // A CRM's or help desk's people, and who claims, complains, enquires, answers, signs or is paid.
        "contact", "lead", "prospect", "claimant", "complainant", "enquirer", "respondent", "signatory", "payee",
        // People named by their trade or their part in a case: the engineer or technician sent out, the
        // loss adjuster, surveyor or assessor, the investigator, the appellant, a policyholder, a
        // ratepayer or an occupier, a caseworker, a GP, a colleague.
        "engineer", "technician", "adjuster", "surveyor", "assessor", "investigator", "appellant", "policyholder",
        "ratepayer", "occupier", "caseworker", "gp", "colleague",
        // A legal hold's or an e-discovery matter's custodian: the person whose records are kept.
        "custodian",
        // A neighbour a parcel may be left with, an examiner a script goes to, and a doctor's or a
        // nurse's registration with the General Medical or the Nursing and Midwifery Council.
        "neighbour", "neighbor", "examiner", "gmc", "nmc",
        // A researcher's ORCID iD names one person across every paper and grant.
        "orcid",
        // The registers of opticians, dentists, pharmacists and health and care professionals number one
        // registrant each, as the GMC and NMC do; so does an NHS dental performer number, and so do the
        // registers of public service interpreters and of sign language interpreters.
        "goc", "gdc", "gphc", "hcpc", "performer", "nrpsi", "nrcpd",
        // Who bids in an auction, votes in a poll or asks a question from the audience.
        "bidder", "voter", "asker",
        // An athlete on a sports platform, a race entrant's bib, a guarantor on a tenancy, who grants
        // someone proxy access, and a trade's operative sent to a home.
        "athlete", "bib", "guarantor", "grantor", "operative",
        // Who volunteers, mentors or is mentored, supports a cause, interprets or describes for someone,
        // is nominated to act for them or borrows something. (A companion is as often a game's character as a person.)
        "volunteer", "mentor", "mentee", "supporter", "interpreter", "describer", "nominee", "borrower",
        // Who wears an electronic tag or a monitor; a concession photocard names its holder, as a bus pass does.
        "wearer", "photocard",
        // Who prescribes a medicine, a medic at an event, a casualty, a victim or an offender in an
        // incident report, a contributor to a programme or a publication.
        "prescriber", "medic", "casualty", "victim", "offender", "contributor",
        // Who took a photo or gave a recorded talk: a photo's artist (EXIF's Artist tag), its
        // photographer, a lecture's presenter.
        "artist", "photographer", "presenter",
        // A freelancer hired for a shoot, a booking or a project is one person, named by their own id; so
        // is whoever rents a car or a home, a law firm's fee earner or timekeeper (a lawyer recording
        // time), and a couple (two people, one wedding, one id).
        "freelancer", "renter", "earner", "timekeeper", "couple",
        // Who streams to an audience under their own handle (a game's or a platform's streamer).
        "streamer",
        // An apprentice or a trainee, a householder or a homeowner, a journalist, a financial or
        // debt adviser, a chaperone, a library's patron, a letter's addressee,
        // a lodger, a dependant, a witness, a suspect or a spouse named in a case.
        "apprentice", "trainee", "householder", "homeowner", "journalist", "adviser", "advisor", "chaperone",
        "patron", "addressee", "lodger", "dependant", "witness", "suspect", "spouse",
        // A market research panel's members, a patient's escort on transport, a swimmer in lessons.
        "panellist", "panelist", "escort", "swimmer",
        // A vet who signs a claim or a case off, and whoever minds someone's pet or child.
        "vet", "veterinarian", "sitter",
        // Health professionals by their trade (a clinician, nurse or GP above): who dispensed, operated,
        // delivered, counselled or treated someone is named in records and rotas as one person.
        "pharmacist", "dentist", "midwife", "paramedic", "surgeon", "therapist", "physio", "physiotherapist", "optician",
        "optometrist", "radiologist", "radiographer", "psychiatrist", "psychologist", "counsellor", "counselor", "dietitian",
        "podiatrist", "anaesthetist", "anesthetist", "chaplain",
        // A court's and a case's people: a judge, a magistrate, a juror, the parties, their lawyers.
        "judge", "magistrate", "juror", "defendant", "plaintiff", "lawyer", "barrister", "attorney",
        // Who is held, on probation or in prison, and a Police National Computer id.
        "detainee", "prisoner", "inmate", "parolee", "probationer", "pnc",
        // A landlord or landlady letting a home, a nanny or childminder, a foster carer's or an adopter's
        // family, a personal trainer, a steward or umpire at a ground.
        "landlord", "landlady", "nanny", "childminder", "adopter", "trainer", "steward", "umpire",
        // An elector on the register (their elector number names them), a school's or a hall's caretaker.
        "elector", "caretaker",
        // A critic reviewing a restaurant, a play or a film under their own name.
        "critic",
        // A dwelling's unique property reference number names one household, as a full postcode nearly does;
        // a household's own id names the people who live there together.
        "uprn", "household",
        // A phone's advertising identifiers (Apple's IDFA and IDFV, Google's advertising id) follow
        // one person across apps and are what ad networks match people by.
        "idfa", "idfv", "gaid", "aaid",
        // A date of birth, and an identity document's machine-readable zone.
        "birth", "birthdate", "mrz",
        // One-time passwords and passcodes: a sign-in secret sent to or typed by one person.
        "otp", "totp", "hotp", "passcode",
        // A token issued to someone (an access, refresh or playback token) stands for them and grants
        // their access; a page, continuation or cancellation token is a thing's (see TokenThingModifiers).
        "token");

    /// <summary>Social and chat platforms whose handles, user names and account ids are people's.</summary>
    private static readonly string[] SocialPlatforms =
    {
        "discord", "twitch", "instagram", "twitter", "tiktok", "snapchat", "telegram", "whatsapp", "reddit", "linkedin", "facebook",
        "github", "mastodon", "bluesky",
    };

    /// <summary>The platforms above whose names are written in two capitalised parts, by their first part.</summary>
    private static readonly ImmutableDictionary<string, string> PlatformsInTwoParts = new Dictionary<string, string>
    {
        ["git"] = "hub",
        ["linked"] = "in",
        ["tik"] = "tok",
        ["snap"] = "chat",
        ["whats"] = "app",
        ["face"] = "book",
        ["blue"] = "sky",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Words that name a person only as a contact: <c>parentEmail</c> and <c>parentPhone</c> are
    /// personal, <c>parentId</c> (of a span, a folder, an order line) is not.
    /// </summary>
    /// <remarks>
    /// A utility meter's serial or point number identifies a household (<c>meterSerial</c>,
    /// <c>meterPointNumber</c>), while <c>meterName</c> names an instrument.
    /// </remarks>
    public static readonly ImmutableDictionary<string, ImmutableHashSet<string>> RestrictedPatterns = new Dictionary<string, ImmutableHashSet<string>>
    {
        ["parent"] = ContactWords,
        ["kin"] = ContactWords,
        // A home address, phone or position is where one household lives; a home page or screen is an app's.
        ["home"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses", "phone", "telephone", "email", "location",
            "position", "coordinates", "latitude", "longitude", "lat", "lon", "lng"),
        // Where a ride or a patient transport picks a person up or drops them off is, as often as not, their home.
        ["pickup"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        ["dropoff"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        // A client's number, email or phone at a practice, a firm or a bank is a person's; a client's
        // name, id or address is as often an OAuth or HTTP client's, or a server's in front of it.
        ["client"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr", "email", "emails", "phone", "mobile"),
        // A chip number is a pet's microchip (a chip id is as often a board's).
        ["chip"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A pet's microchip number is looked up to its keeper's name and address; a microchip's maker is not.
        ["microchip"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr", "id", "ids", "code"),
        // A call's calling and called numbers are the phones of the people on it (a caller's: below).
        ["calling"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "msisdn"),
        ["called"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "msisdn"),
        // A clinical trial gives each participant a screening number, then a randomisation number.
        ["screening"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        ["randomisation"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        ["randomization"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A creator's id, code or handle on a platform is a person's; a file's Creator (a PDF's) is the program that wrote it.
        ["creator"] = ContactWords.Union(new[] { "id", "ids", "code", "codes", "handle", "handles", "ref", "reference", "number", "username", "tag" }),
        // A child's name, contact, date of birth or id (at a nursery, a school, a social care service) is a
        // person's; a child span, node, process or element is named by other words (childSpanId, childCount,
        // childElement, childProcessId).
        ["child"] = ContactWords.Union(new[] { "names", "dob", "birthdate", "upn", "id", "ids", "number", "ref", "reference" }),
        ["emergency"] = ContactWords,
        // A vehicle's registered keeper is a person; a record keeper or a goalkeeper's stats are not named so.
        ["keeper"] = ContactWords,
        // An owner's email, name or id is a person's; a bare Owner is as often a partner's, a team's or
        // a studio's code as a person.
        ["owner"] = ContactWords.Union(new[] { "id", "ids", "user", "username", "upn", "login", "number", "ref", "reference" }),
        // The name, address or phone a payment or a parcel is sent for is its payer's or recipient's;
        // a billing cycle, a shipping method or a delivery slot is not.
        ["billing"] = ContactWords,
        ["shipping"] = ContactWords,
        ["delivery"] = ContactWords,
        // A referral code or link is the referrer's own; a referral's id or status is the referral's.
        ["referral"] = ImmutableHashSet.Create(StringComparer.Ordinal, "code", "codes", "link", "links"),
        // A chat message's sender handle is the name its sender is shown by, and a text's sender number
        // the phone it came from; whoever sends money, a parcel or a letter is named by their sender name
        // (tried over the corpora, a sender's name was a person's fourteen times in fifteen). A sender id
        // is as often an SMS brand's or a mailbox's.
        ["sender"] = ImmutableHashSet.Create(StringComparer.Ordinal, "handle", "handles", "number", "numbers", "msisdn", "phone", "mobile", "name", "names"),
        // A link code sent to a parent or typed on a TV links whoever has it to one person's account.
        ["link"] = ImmutableHashSet.Create(StringComparer.Ordinal, "code", "codes"),
        // The name signed at the door or on a form is the signer's.
        ["signed"] = ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names"),
        ["postal"] = ImmutableHashSet.Create(StringComparer.Ordinal, "code", "codes"),
        ["steam"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids"),
        // An electric vehicle's communication controller id (ISO 15118 EVCCID) is its driver's car.
        ["evcc"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids"),
        // An app's installation (or install) id stands for one phone, tablet or TV and whoever uses it, as a device
        // token does; an installation's count, platform or version is not.
        ["installation"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids", "identifier", "identifiers"),
        ["install"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids", "identifier", "identifiers"),
        ["zip"] = ImmutableHashSet.Create(StringComparer.Ordinal, "code", "codes"),
        // Devices only a household or one person has (a games console, a headset, a home thermostat,
        // a wearable, a phone handset) and a PC's hardware id, which anti-cheat bans stand for the
        // player by: their ids and serials single out their owner; their model or firmware does not.
        ["console"] = ConsumerDeviceWords,
        ["headset"] = ConsumerDeviceWords,
        ["thermostat"] = ConsumerDeviceWords,
        ["wearable"] = ConsumerDeviceWords,
        ["handset"] = ConsumerDeviceWords,
        ["hardware"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids", "hwid"),
        ["meter"] = ImmutableHashSet.Create(StringComparer.Ordinal, "serial", "serials", "number", "numbers", "id", "ids", "point"),
        // The MRN spelt out (medicalRecordNumber), not a medical code or device.
        ["medical"] = ImmutableHashSet.Create(StringComparer.Ordinal, "record", "records"),
        // A VAT registration number is a tax number; a VAT rate, amount or code is not.
        ["vat"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "id", "ids", "no", "nr"),
        // A payment or loyalty card's number is its holder's; a card's type, count or design is not.
        // Numbers of what is issued to one person: an insurance policy or a membership, a licence (to
        // drive, to sell alcohol, for a television), a parking or clock badge, a certificate (a DBS check).
        ["policy"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        ["membership"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr", "id"),
        // A wristband is worn by one person (a patient, a festival-goer); a frequent flyer number is a traveller's.
        ["wristband"] = ImmutableHashSet.Create(StringComparer.Ordinal, "uid", "uids", "id", "ids", "number", "numbers", "barcode", "token"),
        ["flyer"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr", "id"),
        // An employee's payroll number is theirs; a payroll run, period or total is not.
        ["payroll"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr", "id", "ref", "reference"),
        ["licence"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        ["license"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        ["badge"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // An approved driving instructor's ADI number is the register's number for one instructor.
        ["adi"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A professional driver's Driver Qualification Card number is issued to one driver.
        ["dqc"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A right-to-work or immigration status share code is generated by one person to prove their
        // status to whoever they hand it to; a share's count or link type is named otherwise.
        ["share"] = ImmutableHashSet.Create(StringComparer.Ordinal, "code", "codes"),
        ["certificate"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A payment processor's card fingerprint is the same for every use of one card number: it stands for it.
        ["card"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr", "token", "tokens", "fingerprint", "fingerprints", "uid", "uids"),
        // The UID of an RFID card (charging, transit, access) is its holder's; an RFID reader or tag count is not.
        ["rfid"] = ImmutableHashSet.Create(StringComparer.Ordinal, "uid", "uids", "card", "cards", "token", "tokens"),
        // A hospital number is a patient's (the NHS's local MRN); a hospital's id or name is not.
        ["hospital"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A travel or transit card held as text is its number, the rider's; a travel card's type or fare is not.
        ["travel"] = ImmutableHashSet.Create(StringComparer.Ordinal, "card", "cards"),
        ["transit"] = ImmutableHashSet.Create(StringComparer.Ordinal, "card", "cards"),
        // A loyalty number or card is its member's; a loyalty tier, balance or programme is not.
        ["loyalty"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr", "id", "ids", "card", "cards"),
        // A viewing or household profile is named after the person who uses it ("Anna", "Dad");
        // a configuration profile is named by a thing word before it (awsProfileName, publishProfileName).
        ["profile"] = ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names", "id", "ids"),
        // A vehicle's registration (its plate) is its keeper's; a vehicle's id or type is not.
        ["vehicle"] = ImmutableHashSet.Create(StringComparer.Ordinal, "registration", "registrations", "reg", "plate", "plates"),
        ["car"] = ImmutableHashSet.Create(StringComparer.Ordinal, "registration", "registrations", "reg"),
        // A token's subject (OpenID Connect's sub), a study's or a data subject (its id or key) is a person; a message's subject line is not.
        ["subject"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids", "identifier", "identifiers", "number", "numbers", "key", "keys", "ref", "reference"),
        // A first, last, family, given, middle or maiden name is always somebody's; a full or display
        // name is as often a type's or a service's (Type.FullName, Activity.DisplayName) and is left out.
        ["first"] = PersonalNameWords,
        ["last"] = PersonalNameWords,
        ["family"] = PersonalNameWords,
        ["given"] = PersonalNameWords,
        ["middle"] = PersonalNameWords,
        ["maiden"] = PersonalNameWords,
        // The name a person asked to be called by, and the name on their documents.
        ["preferred"] = PersonalNameWords,
        ["legal"] = PersonalNameWords,
        // A travel or companion pass's number is its holder's; a pass's type or a battle pass's id is not.
        ["pass"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A feature flag's targeting key is the user it evaluates for; an analytics anonymous id is a
        // visitor's; a caller's id or number is the calling person's (not a calling method, CallerMemberName).
        ["targeting"] = ImmutableHashSet.Create(StringComparer.Ordinal, "key", "keys"),
        ["anonymous"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids"),
        // A phone's advertising id; an advertising campaign, slot or budget is not one.
        ["advertising"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids", "identifier", "identifiers"),
        ["caller"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids", "number", "numbers", "msisdn", "phone"),
        // The code an authenticator app shows, a verification code mailed or texted to one person, an MFA
        // challenge's code: sign-in secrets of one person; a verification's status or a challenge's id is not.
        ["authenticator"] = ImmutableHashSet.Create(StringComparer.Ordinal, "code", "codes"),
        ["verification"] = ImmutableHashSet.Create(StringComparer.Ordinal, "code", "codes"),
        ["challenge"] = ImmutableHashSet.Create(StringComparer.Ordinal, "code", "codes"),
        // A support or contact-centre agent is a member of staff: their id, name or email is personal; a
        // user agent (the browser's string) or a build agent is not named so.
        ["agent"] = ContactWords.Union(new[] { "id", "ids", "number", "numbers", "login", "upn", "username" }),
        // A personal id, number or code (UCAS's personal id, a personnummer, a personal code) is one
        // person's national or scheme number; personal data or a personal best is not.
        ["personal"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids", "identifier", "identifiers", "number", "numbers", "code", "codes"),
        // A debtor's last known address is where a tracing agent believes they live; a known issue or host is named otherwise.
        ["known"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        // Where a person lived, lives now or moves to, and where their post is sent on to: a house move's
        // addresses. A new or previous version, value or owner is named otherwise.
        ["forwarding"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        ["correspondence"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        ["new"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        ["current"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        ["previous"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        // An energy or water customer's supply address is the home the meter is in.
        ["supply"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        // The address of a property being bought, surveyed or insured is a household's home; a house's
        // number or name is the part of one that, beside a postcode, finds it.
        ["property"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        ["house"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "name"),
        // A participant's study number in a trial or a cohort (the study's own is its code or id).
        ["study"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A subscription number is its subscriber's (a lens, magazine or box subscription); a cloud subscription's id is not named so.
        ["subscription"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        // A criminal records (DBS) certificate is issued to one person; its number, or the certificate held as text, is theirs.
        ["dbs"] = ImmutableHashSet.Create(StringComparer.Ordinal, "certificate", "certificates", "number", "numbers", "no", "nr"),
        // A baby's mother or father on a maternity or a child's record, named or reached (a motherboard is one word).
        ["mother"] = ContactWords.Union(new[] { "id", "ids", "number", "nhs" }),
        ["father"] = ContactWords.Union(new[] { "id", "ids", "number", "nhs" }),
        // A streaming service's or a radio show's listener: their id or contact is theirs (an event listener's
        // name is named otherwise, and its id is rarely sent).
        ["listener"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids", "email", "phone", "mobile"),
        // A fraud service's device or browser fingerprint is the same for every visit of one person's phone
        // or browser, and a payment method's fingerprint for every use of one card: each stands for them.
        ["device"] = ImmutableHashSet.Create(StringComparer.Ordinal, "fingerprint", "fingerprints"),
        ["browser"] = ImmutableHashSet.Create(StringComparer.Ordinal, "fingerprint", "fingerprints"),
        ["payment"] = ImmutableHashSet.Create(StringComparer.Ordinal, "fingerprint", "fingerprints"),
        // The name behind a handle (a player's, a streamer's) is a person's; a real number or value is not named so.
        ["real"] = PersonalNameWords,
        // A seller's name, email or phone at a pawnbroker, a car buyer or a marketplace is a person's; a
        // seller's id, rating or tier is as often a business account's.
        ["seller"] = ContactWords,
        // A tissue type (HLA typing) is genetic: it singles out a donor or a recipient among a register.
        ["hla"] = ImmutableHashSet.Create(StringComparer.Ordinal, "typing", "typings", "type", "types", "genotype", "genotypes", "profile"),
        // A passkey's (WebAuthn) credential id names one person's authenticator registration.
        ["credential"] = ImmutableHashSet.Create(StringComparer.Ordinal, "id", "ids"),
        // An id tag or id token (OCPP's RFID IdTag, OpenID Connect's id_token) is its holder's; an id alone is not.
        ["id"] = ImmutableHashSet.Create(StringComparer.Ordinal, "tag", "tags", "token", "tokens"),
        // People named by their part whose word is as often a thing's: a match's referee (an HTTP referrer is
        // spelt otherwise, but a job reference's referee is a person too), a supervisor, an interviewer, a
        // translator, a signer, a coach, the deceased. Their name, email or phone is theirs, and so is a
        // referee's or an interviewer's id; a signer's certificate, a coach's seat map or a supervisor's
        // (Erlang-style) child process id is not named so.
        ["referee"] = ContactWords.Union(new[] { "id", "ids" }),
        ["supervisor"] = ContactWords,
        ["interviewer"] = ContactWords.Union(new[] { "id", "ids" }),
        ["translator"] = ContactWords,
        ["signer"] = ContactWords,
        ["coach"] = ContactWords,
        ["deceased"] = ContactWords,
        // A line manager's name, email or phone (a package or connection manager is a thing: see ManagerKinds).
        ["manager"] = ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names", "email", "emails", "phone", "mobile", "contact"),
        // A National Insurance number (NiNumber, ni_no); a callback number is the phone a person asked to be called on.
        ["ni"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "no", "nr"),
        ["callback"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers", "phone", "phones", "mobile"),
        // The number a person dialled; the name given to a face a camera recognised.
        ["dialled"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers"),
        ["dialed"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers"),
        // A face's or a voice's embedding or template is biometric: it matches one person wherever they are seen or heard.
        ["face"] = ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names", "embedding", "embeddings", "template", "templates", "vector", "encoding"),
        ["voice"] = ImmutableHashSet.Create(StringComparer.Ordinal, "embedding", "embeddings", "template", "templates", "vector", "print", "prints"),
        // A key fob's UID or number opens a door for one member, as an RFID card's does.
        ["fob"] = ImmutableHashSet.Create(StringComparer.Ordinal, "uid", "uids", "number", "numbers", "serial", "id", "ids"),
        // Where a student lives in term time.
        ["term"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        // Where a person on curfew, on bail or released on licence must live.
        ["curfew"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        ["bail"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        ["release"] = ImmutableHashSet.Create(StringComparer.Ordinal, "address", "addresses"),
        // A solicitor named on a certificate is a person; a solicitors' firm is as often called "solicitor" by its reference.
        ["solicitor"] = ContactWords,
        // A practice's or a clinic's record number is the patient's at that practice, as a hospital number is.
        ["practice"] = ImmutableHashSet.Create(StringComparer.Ordinal, "record", "records"),
        ["clinic"] = ImmutableHashSet.Create(StringComparer.Ordinal, "record", "records"),
        // A prison number is a prisoner's (the number a prison knows them by); a prison's id or name is the establishment's.
        ["prison"] = ImmutableHashSet.Create(StringComparer.Ordinal, "number", "numbers"),
        // A patient's or a resident's relative, named or reached; a relative path, time or URL is named otherwise.
        ["relative"] = ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names", "email", "phone", "mobile", "contact"),
        // A child's brothers and sisters, named on a placement or a school move; a sibling discount or group is not them.
        ["sibling"] = ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names", "email", "phone", "mobile", "contact", "id", "ids"),
        ["siblings"] = ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names", "id", "ids"),
        // A gamer tag spelt as two words (GamerTag) is the gamertag; a gamer's score or level is not named so.
        ["gamer"] = ImmutableHashSet.Create(StringComparer.Ordinal, "tag", "tags", "id", "ids", "name", "names", "handle", "handles"),
        // The name, email or phone a table, a room or a class is booked under is its booker's.
        ["booking"] = ContactWords,
        // A contractor's name, email or phone is a person's (a contractor signed in at a site); a contractor's id,
        // reference or company is as often a firm's.
        ["contractor"] = ContactWords,
        // A supplier's or a sales rep: a person calling on a customer; reps of an exercise are counted, not named.
        ["rep"] = ContactWords,
        // The name a watch list, a sanctions screen or a conflict check matched is the person it matched; a
        // matched route or rule is named by its own word (matchedRouteName).
        ["matched"] = ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names"),
        ["reservation"] = ContactWords,
    }
    // A handle, user name or account id on a social or chat platform is one person's public name there;
    // a Discord channel or a GitHub repository is named by other words.
    .Concat(SocialPlatforms.Select(platform => new KeyValuePair<string, ImmutableHashSet<string>>(platform, SocialHandleWords)))
    .ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The domain a spelt-out identifier shares with its short form: one person space, one pseudonym.</summary>
    private static readonly ImmutableDictionary<string, string> DomainAliases = new Dictionary<string, string>
    {
        ["medical"] = "mrn",
        ["first"] = "name",
        ["last"] = "name",
        ["family"] = "name",
        ["given"] = "name",
        ["middle"] = "name",
        ["maiden"] = "name",
        ["preferred"] = "name",
        ["legal"] = "name",
        // One pseudonym space for a client's address, whatever the code calls it (RemoteIpAddress, clientIp).
        ["ip"] = "client.address",
        ["gamer"] = "gamertag",
        ["id"] = "token",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static ImmutableHashSet<string> ConsumerDeviceWords => ImmutableHashSet.Create(StringComparer.Ordinal,
        "id", "ids", "serial", "serials", "hwid", "name", "names", "uid");

    private static ImmutableHashSet<string> SocialHandleWords => ImmutableHashSet.Create(StringComparer.Ordinal,
        "handle", "handles", "username", "usernames", "user", "tag", "tags", "id", "ids");

    private static ImmutableHashSet<string> PersonalNameWords => ImmutableHashSet.Create(StringComparer.Ordinal, "name", "names");

    private static ImmutableHashSet<string> ContactWords => ImmutableHashSet.Create(StringComparer.Ordinal,
        "email", "emails", "mail", "phone", "mobile", "name", "address", "contact");

    /// <summary>
    /// Words that may stand between the person word and the identity word without changing whose
    /// identifier it is: <c>patientExternalId</c>, <c>customerLoyaltyCardNumber</c>, <c>nationalInsuranceNumber</c>.
    /// </summary>
    public static readonly ImmutableHashSet<string> Qualifiers = ImmutableHashSet.Create(StringComparer.Ordinal,
        "external", "internal", "primary", "secondary", "legal", "full", "first", "last", "given", "family", "display", "screen",
        "contact", "home", "mobile", "work", "personal", "social", "security", "insurance", "record", "medical", "card", "loyalty",
        "account", "registration", "enrollment", "enrolment", "license", "licence", "plate", "e", "billing", "shipping", "raw", "plain",
        // The platform a person's handle is on: visitor.DiscordHandle.
        "discord", "twitch", "instagram", "twitter", "tiktok", "linkedin");

    /// <summary>
    /// Modifiers that make the following person word name a thing: <c>storageAccountName</c>,
    /// <c>serviceAccountId</c>, <c>systemUser</c>, <c>syntheticAccount</c> (a monitoring probe's own) are not anybody's identifier.
    /// </summary>
    private static readonly ImmutableHashSet<string> ThingModifiers = ImmutableHashSet.Create(StringComparer.Ordinal,
        "storage", "service", "system", "machine", "device", "app", "application", "api", "cloud", "database", "db", "sql", "blob",
        "queue", "topic", "bucket", "cosmos", "tenant", "workload", "managed", "technical", "bot", "robot", "test", "demo", "sample", "template",
        "synthetic", "probe", "canary", "dummy",
        "aws", "publish", "build", "launch", "config", "configuration", "connection", "performance", "color", "colour",
        // A general ledger's accounts are the chart of accounts' (ledgerAccount, glAccountCode, nominalAccount).
        "ledger", "gl", "nominal");

    /// <summary>
    /// The operator's own vehicles, whose plates are a thing's: <c>fleetPlate</c>, <c>busPlate</c>, a
    /// <c>Bus</c>'s <c>Plate</c>. A private car's plate stays personal.
    /// </summary>
    public static readonly ImmutableHashSet<string> FleetWords = ImmutableHashSet.Create(StringComparer.Ordinal,
        "fleet", "bus", "buses", "tram", "trams", "coach", "coaches", "depot", "locomotive", "ferry");

    private static readonly ImmutableHashSet<string> ProfileThingModifiers = ImmutableHashSet.Create(StringComparer.Ordinal,
        "load", "tariff", "pricing", "rate", "usage", "consumption", "security", "network", "print", "audio", "video", "encoding",
        "transcoding", "transcode", "rendition", "bitrate", "quality", "power", "charging", "thermal", "risk", "fraud", "scan");

    private static readonly ImmutableHashSet<string> BooleanPrefixes = ImmutableHashSet.Create(StringComparer.Ordinal,
        "has", "is", "was", "can", "should", "needs", "missing", "requires", "allow", "allows");

    /// <summary>
    /// Tokens that are a thing's, not a person's: paging, cancellation, concurrency and anti-forgery
    /// tokens (<c>continuationToken</c>, <c>nextPageToken</c>, <c>csrfToken</c>).
    /// </summary>
    private static readonly ImmutableHashSet<string> TokenThingModifiers = ImmutableHashSet.Create(StringComparer.Ordinal,
        "page", "paging", "pagination", "continuation", "cancellation", "cancel", "next", "previous", "prev", "sync", "change",
        "resume", "skip", "lease", "lock", "concurrency", "idempotency", "correlation", "cursor", "state", "cache", "batch",
        "csrf", "xsrf", "antiforgery", "forgery", "request", "verification", "nonce", "lexer", "parser", "syntax", "json", "xml", "end", "start");

    /// <summary>Whether a name says its value is a machine's (<c>localEndPoint</c>, <c>serverAddress</c>), not a person's.</summary>
    public static bool IsMachineName(IReadOnlyList<string> words) => words.Any(MachineWords.Contains);

    /// <summary>Whether a name has a word that makes a person word in it a thing's (<c>ServiceIdentity</c>, <c>SyntheticUser</c>).</summary>
    public static bool HasThingModifier(IReadOnlyList<string> words) => words.Any(ThingModifiers.Contains);

    /// <summary>
    /// Machines whose IP address is no person's: <c>serverIp</c>, <c>hostIpAddress</c>. Only before
    /// <c>ip</c>: a match's host or a node's owner can be a person (<c>hostGamertag</c>).
    /// </summary>
    private static readonly ImmutableHashSet<string> MachineWords = ImmutableHashSet.Create(StringComparer.Ordinal,
        "server", "host", "node", "pod", "container", "gateway", "proxy", "loopback", "dns", "router", "subnet", "local");

    /// <summary>
    /// Last words that keep a pattern word an identifier: <c>patientId</c>, <c>customerEmail</c>,
    /// <c>playerName</c>, but not <c>patientCount</c> or <c>userAgent</c>.
    /// </summary>
    public static readonly ImmutableHashSet<string> IdentityWords = ImmutableHashSet.Create(StringComparer.Ordinal,
        "id", "ids", "identifier", "identifiers", "number", "numbers", "num", "no", "nr", "key", "name", "names",
        "email", "emails", "mail", "phone", "mobile", "code", "uuid", "guid", "handle", "login", "username",
        "address", "ref", "reference", "tag", "mrn", "ssn", "serial", "serials", "point", "uid", "uids", "token", "tokens", "mac", "hwid",
        "fingerprint", "fingerprints",
        // An OpenID Connect subject (user.Sub): the identity provider's id of the person.
        "sub",
        // A login hint (OpenID Connect's login_hint) is the sign-in name the person is expected to use.
        "hint",
        // An approved driving instructor's register number (instructorAdi).
        "adi");

    /// <summary>The identity words in a fixed order (a hash set's order changes from process to process), longest first.</summary>
    private static readonly string[] IdentityWordsLongestFirst =
        IdentityWords.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToArray();

    public static readonly TelemetryOptions Default = new(DefaultIdentifierPatterns, ImmutableArray<string>.Empty);

    private static readonly ConcurrentDictionary<(string? Patterns, string? Sanitizers), TelemetryOptions> Parsed = new();

    private TelemetryOptions(ImmutableArray<string> identifierPatterns, ImmutableArray<string> sanitizers)
    {
        IdentifierPatterns = identifierPatterns.ToImmutableHashSet(StringComparer.Ordinal);
        Sanitizers = sanitizers.ToImmutableHashSet(StringComparer.Ordinal);
        SanitizerMethodNames = sanitizers
            .Select(s => s.LastIndexOf('.') is var dot && dot >= 0 ? s.Substring(dot + 1) : s)
            .ToImmutableHashSet(StringComparer.Ordinal);
    }

    public ImmutableHashSet<string> IdentifierPatterns { get; }

    /// <summary>
    /// A practitioner named by a trade's ending (<c>embryologist</c>, <c>audiologist</c>,
    /// <c>sonographer</c>, <c>paediatrician</c>, <c>dietitian</c>, <c>physiotherapist</c>,
    /// <c>psychiatrist</c>): a person, as the listed
    /// clinicians are, whatever the speciality.
    /// </summary>
    internal static bool IsPractitioner(string word)
    {
        var singular = word.EndsWith("s", StringComparison.Ordinal) ? word.Substring(0, word.Length - 1) : word;
        return singular.Length > 7
            && (singular.EndsWith("ologist", StringComparison.Ordinal) || singular.EndsWith("iatrist", StringComparison.Ordinal)
                || singular.EndsWith("ographer", StringComparison.Ordinal) || singular.EndsWith("ician", StringComparison.Ordinal)
                || singular.EndsWith("itian", StringComparison.Ordinal) || singular.EndsWith("therapist", StringComparison.Ordinal));
    }

    /// <summary>Fully qualified method names (<c>Namespace.Type.Method</c>).</summary>
    public ImmutableHashSet<string> Sanitizers { get; }

    /// <summary>The method names alone, so that most calls are dismissed without formatting a symbol.</summary>
    public ImmutableHashSet<string> SanitizerMethodNames { get; }

    public static TelemetryOptions Read(AnalyzerConfigOptions options)
    {
        options.TryGetValue(IdentifierPatternsKey, out var patterns);
        options.TryGetValue(SanitizersKey, out var sanitizers);
        if (string.IsNullOrWhiteSpace(patterns) && string.IsNullOrWhiteSpace(sanitizers))
        {
            return Default;
        }
        return Parsed.GetOrAdd((patterns, sanitizers), static key => new TelemetryOptions(
            string.IsNullOrWhiteSpace(key.Patterns) ? DefaultIdentifierPatterns : ParsePatterns(key.Patterns!),
            List(key.Sanitizers)));
    }

    /// <summary>
    /// A leading <c>+</c> adds to the defaults (<c>+badge, +visa</c>); a plain list replaces them, so a
    /// team can also drop a word that means something else in its domain.
    /// </summary>
    private static ImmutableArray<string> ParsePatterns(string value)
    {
        var items = List(value);
        if (items.All(i => i.StartsWith("+", StringComparison.Ordinal)))
        {
            return DefaultIdentifierPatterns.AddRange(items.Select(i => i.Substring(1).ToLowerInvariant()).Where(i => i.Length > 0));
        }
        return items.Select(i => i.TrimStart('+').ToLowerInvariant()).Where(i => i.Length > 0).ToImmutableArray();
    }

    private static ImmutableArray<string> List(string? value) =>
        value is null
            ? ImmutableArray<string>.Empty
            : value.Split(new[] { ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToImmutableArray();

    /// <summary>
    /// A user principal name (<c>UserPrincipalName</c>, <c>user_principal_name</c>) is a directory's
    /// sign-in name, read as <c>upn</c>; a service principal name stays a service's.
    /// </summary>
    /// <summary>
    /// A platform whose name is written in two capitalised parts (<c>GitHubHandle</c>, <c>LinkedInId</c>,
    /// <c>TikTokUsername</c>) read as the one word it is, so that its handle is judged as a Discord one is.
    /// </summary>
    private static IReadOnlyList<string> WithJoinedPlatforms(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            // Asked for every name checked: a look-up of the first part, and nothing built unless it matches.
            if (PlatformsInTwoParts.TryGetValue(words[i], out var second) && words[i + 1] == second)
            {
                var joined = new List<string>(words.Take(i)) { words[i] + second };
                joined.AddRange(words.Skip(i + 2));
                return joined;
            }
        }
        return words;
    }

    /// <summary>
    /// Whom a tribute, a memorial fund or a dedication is in memory of (<c>InMemoryOf</c>,
    /// <c>in_memory_of_name</c>) is a person who died, named: read as the deceased's name. An
    /// in-memory store or cache is not followed by <c>of</c>.
    /// </summary>
    private static IReadOnlyList<string> WithMemorialNames(IReadOnlyList<string> words)
    {
        for (var i = 1; i + 1 < words.Count; i++)
        {
            if (words[i] == "memory" && words[i - 1] == "in" && words[i + 1] == "of")
            {
                var read = new List<string>(words.Take(i - 1)) { "deceased", "name" };
                read.AddRange(words.Skip(i + 2).Where(w => w is not ("name" or "names")));
                return read;
            }
        }
        return words;
    }

    private static IReadOnlyList<string> WithPrincipalNames(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "principal" && words[i + 1] == "name")
            {
                var joined = new List<string>(words.Take(i)) { "upn" };
                joined.AddRange(words.Skip(i + 2));
                return joined;
            }
        }
        return words;
    }

    /// <summary>
    /// A person word and an identity word written as one (<c>userid</c>, <c>Buyerid</c> from a .proto
    /// field, <c>CUSTOMERNO</c> from a database column) split in two, so that they are judged as
    /// <c>userId</c> is. A word that is a pattern itself (<c>username</c>) stays whole.
    /// </summary>
    private IReadOnlyList<string> WithGluedIdentities(IReadOnlyList<string> words)
    {
        List<string>? split = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            string? person = null;
            string? identity = null;
            if (!IdentifierPatterns.Contains(word) && !RestrictedPatterns.ContainsKey(word))
            {
                foreach (var tail in IdentityWordsLongestFirst)
                {
                    if (word.Length > tail.Length + 2 && word.EndsWith(tail, StringComparison.Ordinal)
                        && IdentifierPatterns.Contains(word.Substring(0, word.Length - tail.Length)))
                    {
                        person = word.Substring(0, word.Length - tail.Length);
                        identity = tail;
                        break;
                    }
                }
            }
            if (person is null)
            {
                split?.Add(word);
                continue;
            }
            split ??= new List<string>(words.Take(i));
            split.Add(person);
            split.Add(identity!);
        }
        return split ?? words;
    }

    /// <summary>
    /// Who did something, named by the deed: <c>createdBy</c>, <c>deliveredBy</c>, <c>kickedBy</c>,
    /// <c>approvedById</c>, <c>markedByName</c>, <c>signedOffBy</c>, the doer's own identifier
    /// (<c>createdByUserId</c>), and whom a thing went to (<c>paidTo</c>, <c>assignedToUserId</c>). Only a
    /// participle before <c>by</c> or <c>to</c>: <c>sortedBy</c>, <c>groupBy</c>, <c>createdByCount</c> and
    /// <c>sentToNumber</c> name no person.
    /// </summary>
    private bool IsActorName(IReadOnlyList<string> words)
    {
        var by = -1;
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] == "by" || (words[i] == "to" && RecipientParticiples.Contains(words[i - 1])))
            {
                // assignedTo, paidTo, sentTo: whom a thing was handed to is a person, as its doer is.
                by = i;
            }
        }
        // signedOffBy, pickedUpBy, checkedInBy: the participle comes before its particle.
        var deedAt = by >= 2 && ActorParticles.Contains(words[by - 1]) ? by - 2 : by - 1;
        var deed = by < 1 ? "" : words[deedAt];
        // overbookedBy, exceededBy, delayedBy: an amount, not a doer.
        if (by < 1 || words.Take(by).Any(BooleanPrefixes.Contains) || ThingParticiples.Contains(deed) || AmountParticiples.Contains(deed)
            || deed.StartsWith("over", StringComparison.Ordinal) || deed.StartsWith("under", StringComparison.Ordinal))
        {
            return false;
        }
        if (!(deed.Length > 4 && deed.EndsWith("ed", StringComparison.Ordinal)) && !IrregularParticiples.Contains(deed))
        {
            return false;
        }
        var recipient = words[by] == "to";
        for (var j = by + 1; j < words.Count; j++)
        {
            if (!IdentityWords.Contains(words[j]) && !Qualifiers.Contains(words[j]))
            {
                // approvedByStaffNumber, createdByUserId: the doer's own identifier after the "by".
                var doer = words.Skip(by + 1).ToList();
                return !ActorParticles.Contains(doer[0]) && IsIdentifierName(doer, out _);
            }
        }
        // sentToNumber (how many went to a number) says no one's; a bare AssignedTo is as often a team's or a
        // queue's, or empty on a free seat, while assignedToUserId names the person.
        return !recipient || (by == words.Count - 1 && deed != "assigned");
    }

    /// <summary>Participles whose "to" names the person a thing went to: <c>assignedTo</c>, <c>paidTo</c>, <c>issuedTo</c>.</summary>
    private static readonly ImmutableHashSet<string> RecipientParticiples = ImmutableHashSet.Create(StringComparer.Ordinal,
        "assigned", "paid", "delivered", "addressed", "issued", "shipped", "refunded", "awarded", "granted", "sent", "lent", "loaned");

    private static readonly ImmutableHashSet<string> ActorParticles = ImmutableHashSet.Create(StringComparer.Ordinal,
        "off", "up", "in", "out", "back", "down", "on");

    /// <summary>
    /// Text a person wrote, named for what it is: <c>comment</c>, <c>feedback</c>, <c>clinicianQuestion</c>,
    /// <c>commentText</c>, <c>searchTerm</c>, <c>freeText</c>, <c>analystNote</c>, <c>narrative</c>. It says whatever its writer put in it (a name, an
    /// account number, a diagnosis). Its length, its presence and its id are other names.
    /// </summary>
    private static bool IsFreeTextName(IReadOnlyList<string> words)
    {
        // accessNeeds: "needs" ends the name, so it is not the flag word of needsReview.
        if (words.Count == 0 || words.Take(words.Count - 1).Any(BooleanPrefixes.Contains) || (words.Count == 1 && BooleanPrefixes.Contains(words[0])))
        {
            return false;
        }
        var end = words.Count;
        if (end >= 2 && words[end - 1] == "text" && words[end - 2] is "free" or "typed" or "search")
        {
            return true;
        }
        if (end >= 3 && words[end - 3] == "free" && words[end - 2] == "text"
            && words[end - 1] is "answer" or "answers" or "response" or "responses" or "reason" or "entry" or "field" or "value" or "comment" or "comments")
        {
            // freeTextAnswer, freeTextReason: the box a person typed into.
            return true;
        }
        if (end == 1 && words[0] == "q")
        {
            // A search endpoint's q: what a person typed into the box.
            return true;
        }
        if (end >= 2 && words[0] == "typed" && words[end - 1] is "reason" or "reasons" or "comment" or "comments" or "message" or "answer" or "query" or "address")
        {
            return true;
        }
        // A presenting issue or complaint: what a patient or a caller came with, in their words or a clinician's.
        if (IsHomeAccessName(words) || (end >= 2 && words[end - 2] == "what" && words[end - 1] is "happened" or "happens")
            || (end >= 2 && words[end - 2] == "presenting" && words[end - 1] is "issue" or "issues" or "complaint" or "complaints" or "problem" or "problems" or "concern" or "concerns" or "symptoms"))
        {
            return true;
        }
        while (end > 1 && words[end - 1] is "text" or "body" or "raw" or "original")
        {
            end--;
        }
        var head = words[end - 1];
        if (end < words.Count && head is "description" or "explanation" or "answer")
        {
            // descriptionText, answerText: the words someone typed. A reason's text is as often a
            // bank's or a provider's wording of a code, and a response's a server's.
            return true;
        }
        if (head is "note" or "notes")
        {
            // A dietitian's or a physiotherapist's note too: a practitioner writes about the person seen.
            return end == 1 || NoteWriters.Contains(words[end - 2]) || IsPractitioner(words[end - 2]);
        }
        return FreeTextWords.Contains(head)
            || (end > 1 && words[end - 2] == "search" && head is "term" or "terms" or "query" or "phrase")
            // GiftMessage, personalMessage: what a customer writes for someone else to read.
            || (end > 1 && words[end - 2] is "gift" or "personal" or "card" or "condolence" or "sympathy" && head is "message" or "messages" or "note")
            // A cover letter, a personal or a witness statement: what an applicant or a witness wrote about themselves.
            || (end > 1 && words[end - 2] == "cover" && head is "letter" or "note")
            || (end > 1 && words[end - 2] is "personal" or "witness" or "victim" or "impact" or "sworn" or "supporting" or "parent" or "applicant" or "claimant"
                or "complainant" or "appellant" or "defendant" or "patient" && head is "statement" or "statements")
            // What a debtor sets out about their hardship, in a statement or as its reasons.
            || (end > 1 && words[end - 2] == "hardship" && head is "statement" or "statements" or "details" or "story")
            // A clinical or medical history: what a clinician wrote of a patient's (or an animal owner's) past illnesses.
            || (end > 1 && words[end - 2] is "clinical" or "medical" or "health" or "illness" && head is "history" or "histories")
            // A chat line or message: what a person typed to others (a chat's id, room or count is named otherwise).
            || (end > 1 && words[end - 2] == "chat" && head is "line" or "lines" or "message" or "messages");
    }

    private static readonly ImmutableHashSet<string> FreeTextWords = ImmutableHashSet.Create(StringComparer.Ordinal,
        "comment", "comments", "feedback", "question", "remark", "remarks", "transcript", "essay", "bio", "biography", "utterance", "narrative",
        // What someone sets out in an application, a claim or an appeal.
        "circumstances", "grounds", "justification", "explanation", "testimony", "motivation",
        // The words a family or a buyer chose to be carved or engraved: a memorial's inscription, a ring's engraving.
        "inscription", "epitaph", "engraving",
        // A request played on the radio or written in a book for someone: it names them and who sent it.
        "dedication", "dedications");

    /// <summary>
    /// The name written on something (<c>NameOnCard</c>, <c>nameOnItem</c>, <c>name_on_badge</c>): its
    /// holder's or owner's, as a payment card's cardholder name is.
    /// </summary>
    private static bool IsNameWrittenOn(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 2 < words.Count; i++)
        {
            if (words[i] is "name" or "names" && words[i + 1] == "on" && !words.Take(i).Any(BooleanPrefixes.Contains))
            {
                // nameOnCardLength is about it; nameOnCard and names_on_items are it.
                return i + 3 == words.Count || (i + 4 == words.Count && words[i + 3] is "text" or "raw");
            }
        }
        return false;
    }

    /// <summary>
    /// A three-word address (<c>What3Words</c>, <c>homeThreeWords</c>, <c>w3w</c>) names a three-metre
    /// square, as precise as the coordinates it stands for: where a caller stands or a household lives.
    /// </summary>
    private static bool IsThreeWordAddress(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "w3w" or "what3words"
                || (i + 2 < words.Count && words[i] == "w" && words[i + 1] == "3" && words[i + 2] == "w")
                || (i + 2 < words.Count && words[i] == "what" && words[i + 1] is "3" or "three" && words[i + 2] == "words")
                || (i + 1 == words.Count - 1 && words[i] == "three" && words[i + 1] == "words"))
            {
                // Not a flag or a count about one: hasW3w, what3wordsCount.
                return !words.Take(i).Any(BooleanPrefixes.Contains)
                    && words[words.Count - 1] is "words" or "w" or "w3w" or "what3words" or "address" or "location";
            }
        }
        return false;
    }

    /// <summary>
    /// What stands for one person on a register or a network, named without a person word: a nurse's
    /// NMC PIN (<c>NursePin</c>, <c>nmcPin</c>), a LinkedIn profile's address (<c>LinkedInUrl</c>), and
    /// a CV's file name, which is usually its owner's name (<c>CvFileName</c>, <c>resumeFilename</c>); a
    /// hearing aid's or an implant's serial (<c>HearingAidSerial</c>), paired with one patient.
    /// </summary>
    private static bool IsRegisterPinProfileOrCv(IReadOnlyList<string> words)
    {
        var count = words.Count;
        if (count < 2 || words.Take(count - 1).Any(BooleanPrefixes.Contains))
        {
            return false;
        }
        var last = words[count - 1];
        var before = words[count - 2];
        if (last == "pin" && before is "nmc" or "nurse" or "nurses" or "midwife" or "registrant")
        {
            return true;
        }
        // A driver's or a driving licence (its number, held as text) is its holder's.
        if (last is "licence" or "license" && before is "driver" or "driving" or "drivers")
        {
            return true;
        }
        // A hearing aid's or an implant's serial: the device is fitted to, and paired with, one patient.
        if (last is "serial" or "serials" && (before is "implant" or "cochlear" || (count >= 3 && words[count - 3] == "hearing" && before is "aid" or "aids")))
        {
            return true;
        }
        if (last is "url" or "uri" or "link" or "profile" or "handle"
            && (before == "linkedin" || (count >= 3 && words[count - 3] == "linked" && before == "in")))
        {
            return true;
        }
        return (last == "filename" && before is "cv" or "resume")
            || (count >= 3 && last == "name" && before == "file" && words[count - 3] is "cv" or "resume");
    }

    /// <summary>
    /// A line of a postal address (<c>AddressLine</c>, <c>address_line_1</c>, <c>addressLines</c>): part of
    /// where someone lives or receives post. Its count or its presence is about it.
    /// </summary>
    private static bool IsAddressLine(IReadOnlyList<string> words)
    {
        var end = words.Count;
        while (end > 0 && words[end - 1].All(char.IsDigit))
        {
            end--;
        }
        return end >= 2 && words[end - 1] is "line" or "lines" && words[end - 2] == "address"
            && !words.Take(end - 2).Any(BooleanPrefixes.Contains) && !words.Take(end - 2).Any(ThingModifiers.Contains);
    }

    /// <summary>
    /// The number of the document a person proved who they are with (<c>IdDocumentNumber</c>,
    /// <c>identityDocumentNo</c>, <c>travelDocumentNumber</c>): a passport's or a card's number, its
    /// holder's. A document number alone is as often an invoice's or a contract's.
    /// </summary>
    private static bool IsIdentityDocumentNumber(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 2 < words.Count; i++)
        {
            if (words[i] is "id" or "identity" or "identification" or "travel" && words[i + 1] is "document" or "doc"
                && i + 3 == words.Count && words[i + 2] is "number" or "no" or "nr" or "ref" or "reference"
                && !words.Take(i).Any(BooleanPrefixes.Contains))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// How to get into, or leave something at, one person's home: <c>doorCode</c>, <c>KeySafeCode</c>,
    /// <c>gatePin</c>, <c>safePlace</c>, <c>accessInstructions</c>, <c>deliveryInstructions</c>; and
    /// what a person asked for or needs: <c>specialRequests</c>, <c>accessNeeds</c>, <c>careNeeds</c>.
    /// A delivery note (the document that goes with goods) and a building's code are other things.
    /// </summary>
    private static bool IsHomeAccessName(IReadOnlyList<string> words)
    {
        var count = words.Count;
        if (count < 2)
        {
            return false;
        }
        var last = words[count - 1];
        var before = words[count - 2];
        if (before == "safe" && last == "place")
        {
            return true;
        }
        if (last == "pin" && before is "collection" or "locker" or "parcel")
        {
            // The PIN a customer is sent to open a collection locker.
            return true;
        }
        if (last == "pin" && before is "kiosk" or "phone" or "call" or "calling" or "account" or "card" or "guest" or "lock" or "personal" or "customer" or "user" or "voicemail" or "sim")
        {
            // A PIN a person keys in: a phone account's, a kiosk's, a card's, a guest's.
            return true;
        }
        if (last is "code" or "codes" or "pin")
        {
            // A self-storage unit's or a building's access or entry code is handed to the person who rents or visits.
            return before is "door" or "gate" or "alarm" or "keysafe" or "lockbox" or "keybox" or "intercom" or "access" or "entry"
                || (count >= 3 && words[count - 3] is "key" or "lock" && before is "safe" or "box");
        }
        if (last is "instruction" or "instructions")
        {
            return before is "access" or "delivery" or "entry" or "parking" or "handover" or "collection" or "pickup" or "dropoff" or "arrival" or "courier" or "driver" or "gate";
        }
        if (last is "needs" or "requirements")
        {
            return before is "special" or "access" or "accessibility" or "care" or "dietary" or "mobility" or "medical" or "support";
        }
        if (last is "requests" or "request")
        {
            // An access request is as often a request for data or for a system's rights.
            return before == "special";
        }
        return false;
    }

    /// <summary>Managers who are people: a line manager, an account manager, a store's or a ward's manager.</summary>
    private static readonly ImmutableHashSet<string> ManagerKinds = ImmutableHashSet.Create(StringComparer.Ordinal,
        "line", "account", "case", "hiring", "store", "site", "shift", "duty", "ward", "team", "reporting", "branch", "depot",
        "office", "practice", "relationship", "property", "estate", "general", "area", "regional", "project", "programme", "program");

    /// <summary>
    /// Who writes the notes that are free text about a person or a case: <c>analystNote</c>,
    /// <c>agentNotes</c>, <c>internalNote</c>; a bare <c>Note</c> of a decision or a flag too. A thing's
    /// notes (<c>plotNotes</c>, <c>releaseNotes</c>) are not.
    /// </summary>
    private static readonly ImmutableHashSet<string> NoteWriters = ImmutableHashSet.Create(StringComparer.Ordinal,
        // A line manager's, a counsellor's or a therapist's notes on a person they see.
        "manager", "supervisor", "counsellor", "counselor", "therapist", "interviewer",
        "analyst", "agent", "agents", "moderator", "inspector", "internal", "case", "staff", "adviser", "advisor", "reviewer",
        "operator", "handler", "officer", "caseworker", "worker", "clinical", "clinician", "nurse", "doctor", "teacher", "tutor",
        "carer", "investigator", "assessor", "adjuster", "examiner", "invigilator", "wrapup", "up", "support", "triage",
        // A medical note says something of someone's health; access notes tell a visitor how to get into someone's home.
        "medical", "access",
        // What a parent, a customer, a guest or a patient wrote in a box on a form (a parent's note on a pupil's diet).
        "parent", "guardian", "customer", "guest", "patient", "passenger", "client", "caller", "learner", "student", "pupil", "owner");

    private static readonly ImmutableHashSet<string> IrregularParticiples = ImmutableHashSet.Create(StringComparer.Ordinal,
        "written", "taken", "given", "done", "sent", "made", "paid", "held", "seen", "read", "set", "run", "built", "bought",
        "sold", "kept", "won", "lost", "taught", "brought", "caught", "told", "chosen", "drawn", "driven", "ridden", "spent", "met", "begun");

    private static readonly ImmutableHashSet<string> AmountParticiples = ImmutableHashSet.Create(StringComparer.Ordinal,
        "exceeded", "increased", "decreased", "reduced", "delayed", "extended", "shifted", "rounded", "scaled", "incremented",
        "decremented", "lowered", "offset", "padded", "trimmed", "truncated", "discounted");

    /// <summary>Participles whose doer is a key, a clause or a system: <c>sortedBy</c>, <c>partitionedBy</c>, <c>servedBy</c>.</summary>
    private static readonly ImmutableHashSet<string> ThingParticiples = ImmutableHashSet.Create(StringComparer.Ordinal,
        "grouped", "sorted", "ordered", "partitioned", "keyed", "indexed", "backed", "powered", "followed", "caused", "generated",
        "served", "issued", "filtered", "limited", "bounded", "replaced", "superseded", "preceded", "supported", "affected",
        "divided", "multiplied", "measured", "weighted", "clustered", "distributed", "encrypted", "hashed", "compressed",
        "routed", "processed", "triggered", "scheduled", "owned", "managed", "published", "produced", "consumed");

    /// <summary>
    /// Whether a name, split into words, names a personal identifier; <paramref name="domain"/> is the
    /// pattern word that matched (the pseudonymisation domain a fix uses). The head of the name
    /// decides: a person word counts when every word after it says "identity" (<c>patientId</c>,
    /// <c>customerEmailAddress</c>) or qualifies it (<c>patientExternalId</c>), so that
    /// <c>emailTemplateId</c>, <c>userAgent</c> and <c>playerCount</c> are not identifiers, and not
    /// when a modifier before it makes it a thing (<c>storageAccountName</c>).
    /// </summary>
    public bool IsIdentifierName(IReadOnlyList<string> words, out string domain)
    {
        domain = "";
        if (IsActorName(words))
        {
            domain = "user";
            return true;
        }
        if (IsFreeTextName(words))
        {
            domain = "text";
            return true;
        }
        if (IsNameWrittenOn(words))
        {
            domain = "name";
            return true;
        }
        if (IsThreeWordAddress(words))
        {
            domain = "location";
            return true;
        }
        if (IsAddressLine(words))
        {
            domain = "address";
            return true;
        }
        if (IsIdentityDocumentNumber(words))
        {
            domain = "document";
            return true;
        }
        if (IsRegisterPinProfileOrCv(words))
        {
            domain = "name";
            return true;
        }
        words = WithMemorialNames(WithPrincipalNames(WithGluedIdentities(WithJoinedPlatforms(words))));
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            RestrictedPatterns.TryGetValue(word, out var requiredTail);
            if (!IdentifierPatterns.Contains(word) && requiredTail is null && !IsPractitioner(word))
            {
                continue;
            }
            // ratingByPlayer, visitsPerPatient: keyed by the person, not the person's identifier.
            // A load, tariff or encoding profile is a configuration's, not a viewer's; a lobby's or a
            // game server's SteamID is not a player's.
            if (i > 0 && ((word == "profile" && ProfileThingModifiers.Contains(words[i - 1]))
                || (word is "steam" or "steamid" && words[i - 1] is "lobby" or "clan" or "group" or "server" or "game" or "app")
                // A premises licence is a shop's or a pub's, a software or product licence a product's.
                || (word is "licence" or "license" && words[i - 1] is "premises" or "software" or "product")
                // An SMS sender name or id is the alphanumeric name a business texts from ("YourDentist").
                || (word == "sender" && words[i - 1] is "sms" or "text" or "alphanumeric")
                // A package, connection or window manager is code; a line, account or store manager a person.
                || (word == "manager" && !ManagerKinds.Contains(words[i - 1]))))
            {
                continue;
            }
            // A device token (APNs, FCM) reaches one person's phone, and an app's installation id stands
            // for it: the device or app word does not make them a thing's.
            // A tenant's email or phone reaches the person who rents or who administers it, not a thing.
            if (i > 0 && ((ThingModifiers.Contains(words[i - 1]) && !(word == "token" && words[i - 1] == "device") && !(word == "installation" && words[i - 1] is "app" or "device")
                    // An app's user (AppUser, mobileAppUserId) is a person who uses the app, as Identity's AppUser is.
                    && !(word is "user" or "users" && words[i - 1] == "app")
                    && !(words[i - 1] == "tenant" && word is "email" or "phone" or "mobile")) || words[i - 1] is "by" or "per" || (word == "ip" && MachineWords.Contains(words[i - 1]))
                || (word == "token" && TokenThingModifiers.Contains(words[i - 1]))
                || (word == "plate" && FleetWords.Contains(words[i - 1]))
                // A hire, pool or courtesy car is the company's, whoever drives it.
                || (word == "car" && (FleetWords.Contains(words[i - 1]) || words[i - 1] is "hire" or "hired" or "rental" or "pool" or "company" or "courtesy" or "loan"))))
            {
                continue;
            }
            // hasPhone, isEmailVerified, loyalty.has_postcode: a flag about the identifier, not the identifier.
            if (i > 0 && words.Take(i).Any(BooleanPrefixes.Contains))
            {
                continue;
            }
            // A token is its holder's only as the head of the name: a token's id (jti), key or type is the token's.
            if (word == "token" && i < words.Count - 1)
            {
                continue;
            }
            // So is a one-time password (otpCode too); an OTP request's registration id is the request's.
            if (word is "otp" or "totp" or "hotp" or "passcode" && i < words.Count - 1 && !(i == words.Count - 2 && words[i + 1] is "code" or "codes"))
            {
                continue;
            }
            var tailIsIdentity = true;
            var sawContact = false;
            for (var j = i + 1; j < words.Count; j++)
            {
                var tail = words[j];
                sawContact |= requiredTail?.Contains(tail) == true;
                if (!IdentityWords.Contains(tail) && !Qualifiers.Contains(tail) && !IdentifierPatterns.Contains(tail)
                    && !(j == words.Count - 1 && requiredTail?.Contains(tail) == true))
                {
                    tailIsIdentity = false;
                    break;
                }
            }
            // A qualifier alone is no identity: patientRecord is a record, patientRecordNumber an identifier.
            // A card a restricted pattern asks for is identity enough (loyaltyCard is the member's card);
            // a record is not (medicalRecord is the record, medicalRecordNumber its identifier).
            if (tailIsIdentity && i < words.Count - 1 && !IdentityWords.Contains(words[words.Count - 1]) && !IdentifierPatterns.Contains(words[words.Count - 1])
                && !(requiredTail?.Contains(words[words.Count - 1]) == true && words[words.Count - 1] is "card" or "cards" or "registration" or "registrations" or "reg" or "regs"
                    or "typing" or "typings" or "genotype" or "genotypes" or "embedding" or "embeddings" or "template" or "templates" or "vector" or "encoding"
                    or "print" or "prints" or "certificate" or "certificates"))
            {
                tailIsIdentity = false;
            }
            if (!tailIsIdentity || (requiredTail is not null && !IdentifierPatterns.Contains(word) && !sawContact))
            {
                continue;
            }
            domain = DomainAliases.TryGetValue(word, out var alias) ? alias : word;
            return true;
        }
        return false;
    }
}
