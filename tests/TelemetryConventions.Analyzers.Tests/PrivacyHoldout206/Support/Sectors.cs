namespace PrivacyHoldout206.Support;

// Each industry's side of the research platform.

/// <summary>Education: a pupil's questionnaire in a schools study, keyed by UPN.</summary>
public sealed record PupilQuestionnaire(string Upn, string StudyNumber, string SchoolUrn, string Wave, int Answers, string Comment);

/// <summary>Education: a parent's consent for a pupil.</summary>
public sealed record ParentalConsent(string ConsentId, string Upn, string ParentName, string ParentEmail, bool Granted);

/// <summary>Education: a school's recruitment into a study: no person.</summary>
public sealed record SchoolRecruitment(string SchoolUrn, string StudyCode, int PupilsInvited, int PupilsConsented);

/// <summary>Energy: a household in a smart-meter trial.</summary>
public sealed record TrialHousehold(string AccountNumber, string Mpan, string MeterSerial, string StudyNumber, string Region, int Occupants);

/// <summary>Energy: a half-hourly export batch for the university: no person.</summary>
public sealed record ConsumptionBatch(string BatchId, string Region, int Households, int Readings, DateOnly Day);

/// <summary>Gaming: a playtester in a games research study.</summary>
public sealed record Playtester(Guid PlayerId, string Gamertag, string StudyNumber, string Email, int AgeBand);

/// <summary>Gaming: a playtest session: no person.</summary>
public sealed record PlaytestSession(string SessionId, string Build, string Map, int Testers, TimeSpan Length);

/// <summary>Media: a member of the audience research panel.</summary>
public sealed record Panellist(string PanellistId, string HouseholdId, string Email, string Postcode, string StudyNumber);

/// <summary>Media: a viewing diary entry written by a panellist.</summary>
public sealed record DiaryEntry(string EntryId, string PanellistId, string ProgrammeId, int MinutesWatched, string Comment);

/// <summary>Retail: a shopper who linked a loyalty card to a nutrition study.</summary>
public sealed record ShopperLinkage(string LoyaltyCard, string StudyNumber, string Email, string HomeStore);

/// <summary>Retail: a basket aggregate for the study: no person.</summary>
public sealed record BasketAggregate(string StoreId, string Week, int Baskets, decimal FruitAndVegShare);

/// <summary>Transport: a commuter's travel diary day.</summary>
public sealed record CommuterDiaryDay(string TravelCard, string StudyNumber, string HomePostcode, double FirstLatitude, double FirstLongitude, int Trips);

/// <summary>Transport: trip counts by zone: no person.</summary>
public sealed record ZoneTripCount(string Zone, DateOnly Day, int Trips, int Commuters);
