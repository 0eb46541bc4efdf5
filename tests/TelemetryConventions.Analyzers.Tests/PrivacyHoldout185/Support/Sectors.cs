namespace Lingua.Sectors;

/// <summary>An interpreter booked for a patient's appointment: NHS number, patient name, language, dialect, clinic, appointment time, whether a same-gender interpreter was asked for.</summary>
public sealed record PatientInterpreterRequest(string NhsNumber, string PatientName, string Language, string Dialect, string Clinic, DateTime AppointmentAt, bool SameGender);

/// <summary>An interpreter's note after a clinical session: booking id, NHS number, interpreter id, the note.</summary>
public sealed record ClinicalSessionNote(string BookingId, string NhsNumber, string InterpreterId, string Note);

/// <summary>An interpreter for a parents' meeting: booking id, pupil's UPN, pupil name, parent name, parent email, language, school.</summary>
public sealed record ParentMeetingBooking(string BookingId, string Upn, string PupilName, string ParentName, string ParentEmail, string Language, string School);

/// <summary>A school letter translated for families: letter id, school, language, pages; names no one.</summary>
public sealed record TranslatedLetter(string LetterId, string School, string Language, int Pages);

/// <summary>A language line call: call id, account number, caller's number, language, minutes, queue.</summary>
public sealed record LanguageLineCall(string CallId, string AccountNumber, string CallerNumber, string Language, int Minutes, string Queue);

/// <summary>A bill translated for a household: account number, meter serial, language, format.</summary>
public sealed record TranslatedBill(string AccountNumber, string MeterSerial, string Language, string Format);

/// <summary>A support ticket translated: ticket id, player id, gamertag, the player's text, its translation, source language.</summary>
public sealed record TicketTranslation(string TicketId, string PlayerId, string Gamertag, string OriginalText, string TranslatedText, string SourceLanguage);

/// <summary>An interpreter's shift at a tournament: shift id, interpreter id, stage, language, minutes.</summary>
public sealed record StageInterpreterShift(string ShiftId, string InterpreterId, string Stage, string Language, int Minutes);

/// <summary>A contributor interviewed through an interpreter: interview id, contributor id, contributor name, language, programme.</summary>
public sealed record ContributorInterview(string InterviewId, string ContributorId, string ContributorName, string Language, string ProgrammeId);

/// <summary>A signed (BSL) slot on a channel: slot id, programme, channel, air time; names no one.</summary>
public sealed record SignedSlot(string SlotId, string ProgrammeId, string Channel, DateTime AirsAt);

/// <summary>A video interpreting call at a store: call id, store, loyalty card number, customer name, language, minutes.</summary>
public sealed record StoreVideoCall(string CallId, string Store, string LoyaltyCardNumber, string CustomerName, string Language, int Minutes);

/// <summary>A complaint translated: complaint id, customer email, the complaint, its translation, language.</summary>
public sealed record ComplaintTranslation(string ComplaintId, string CustomerEmail, string Original, string Translated, string Language);

/// <summary>Passenger assistance in a language: request id, booking reference, passenger name, mobile, language, station.</summary>
public sealed record PassengerLanguageAssist(string RequestId, string BookingReference, string PassengerName, string Mobile, string Language, string Station);

/// <summary>An interpreter booked for a defendant in the operator's prosecutions: case URN, defendant name, date of birth, court, language, hearing time.</summary>
public sealed record DefendantInterpreterBooking(string CaseUrn, string DefendantName, DateOnly DateOfBirth, string Court, string Language, DateTime HearingAt);
