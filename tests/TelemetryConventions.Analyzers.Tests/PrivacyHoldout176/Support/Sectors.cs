namespace Lingua.Sectors;

/// <summary>A ward's interpreter request: NHS number, patient name, language, ward.</summary>
public sealed record WardInterpreterRequest(string NhsNumber, string PatientName, string Language, string Ward);

/// <summary>A staff member enrolled on a language course: staff number, name, course.</summary>
public sealed record StaffEnrolment(string StaffNumber, string StaffName, string CourseCode);

/// <summary>A customer's request for a bill in another language: account number, email, language.</summary>
public sealed record TranslatedBillRequest(string AccountNumber, string Email, string Language, string Region);

/// <summary>A player's volunteer translation: player id, gamertag, string key, locale, text.</summary>
public sealed record CommunityTranslation(string PlayerId, string Gamertag, string StringKey, string Locale, string Text);

/// <summary>A subscriber of the language app: subscriber id, profile name, language, streak days.</summary>
public sealed record AppLearner(string SubscriberId, string ProfileName, string Language, int StreakDays);

/// <summary>A voice artist's audition for dubbing: artist id, name, email, language, role.</summary>
public sealed record DubbingAudition(string ArtistId, string ArtistName, string Email, string Language, string Role);

/// <summary>A lesson pack bought in store: customer number, email, store, course.</summary>
public sealed record LessonPurchase(string CustomerNumber, string Email, string StoreCode, string CourseCode, decimal Price);

/// <summary>A driver's language test: driver staff number, name, language, score, depot.</summary>
public sealed record DriverLanguageTest(string StaffNumber, string DriverName, string Language, int Score, string Depot);

/// <summary>A passenger's call to the interpreter line: caller's number, language, route.</summary>
public sealed record PassengerCall(string CallId, string CallerNumber, string Language, string Route);

/// <summary>No such account; quotes the account number.</summary>
public sealed class AccountNotFoundException(string accountNumber) : Exception($"Account {accountNumber} not found");
