namespace Responder.Sectors;

/// <summary>A campus emergency: student number, student name, building, room, the security officer's staff number.</summary>
public sealed record CampusEmergency(string IncidentNumber, string StudentNumber, string StudentName, string Building, string Room, string OfficerStaffNumber);

/// <summary>A pupil welfare concern: UPN, pupil name, the guardian's phone, year group, the concern as written.</summary>
public sealed record PupilWelfareConcern(string ConcernId, string Upn, string PupilName, string GuardianPhone, int YearGroup, string Concern);

/// <summary>A gas escape report from the emergency line: report id, account number, the reporter's phone, the address, whether the smell is indoors.</summary>
public sealed record GasEscapeReport(string ReportId, string? AccountNumber, string ReporterPhone, string Address, string Postcode, bool SmellIndoors);

/// <summary>A welfare visit to a priority services customer during an outage: account number, name, meter serial, need code.</summary>
public sealed record PsrWelfareVisit(string VisitId, string AccountNumber, string CustomerName, string MeterSerial, string NeedCode, string Feeder);

/// <summary>A player's self-harm or threat report: report id, player id, gamertag, the chat line, the player's IP address, region.</summary>
public sealed record PlayerRiskReport(string ReportId, string PlayerId, string Gamertag, string ChatLine, string IpAddress, string Region);

/// <summary>A law enforcement emergency disclosure request: request id, the agency, the player id asked about, the officer's email.</summary>
public sealed record EmergencyDisclosureRequest(string RequestId, string Agency, string PlayerId, string OfficerEmail, string Urgency);

/// <summary>A caller to a live phone-in: caller's number and name, show, slot.</summary>
public sealed record PhoneInCaller(string CallerNumber, string CallerName, string Show, int Slot);

/// <summary>Consent to film a patient for an ambulance documentary: consent id, patient's name, phone, episode, whether faces are blurred.</summary>
public sealed record FilmingConsent(string ConsentId, string PatientName, string PatientPhone, string Episode, bool BlurFace);

/// <summary>A store incident: incident number, store, the customer's loyalty number (if any), the staff member's number, the description as typed.</summary>
public sealed record StoreIncident(string IncidentNumber, string StoreCode, string? LoyaltyNumber, string StaffNumber, string Description);

/// <summary>A lone delivery driver's welfare check: driver's staff number, name, the van's fleet number, last fix.</summary>
public sealed record LoneDriverCheck(string StaffNumber, string DriverName, string FleetNumber, double Latitude, double Longitude);

/// <summary>An on-train emergency: incident number, headcode, coach, the passenger's name and phone, the condition code.</summary>
public sealed record TrainEmergency(string IncidentNumber, string Headcode, string Coach, string PassengerName, string PassengerPhone, string ConditionCode);

/// <summary>A text to the transport police line: sender's number, the message as sent, the headcode if given.</summary>
public sealed record PoliceText(string MessageId, string SenderNumber, string Body, string? Headcode);

/// <summary>No such account; quotes the account number.</summary>
public sealed class AccountNotFoundException(string accountNumber) : Exception($"Account {accountNumber} not found");

/// <summary>No such player; quotes the player id.</summary>
public sealed class PlayerNotFoundException(string playerId) : Exception($"Player {playerId} not found");

/// <summary>A store is closed; quotes the store code.</summary>
public sealed class StoreClosedException(string storeCode) : Exception($"Store {storeCode} is closed");
