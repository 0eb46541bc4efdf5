namespace Wagering.Sectors;

// What each industry's services keep on their side of gambling.

/// <summary>A referral to the gambling harms clinic. Prints referral id, NHS number, patient's name, GP practice code and PGSI score.</summary>
public sealed record ClinicReferral(string ReferralId, string NhsNumber, string PatientName, string PracticeCode, int PgsiScore);

/// <summary>A treatment session. Prints session id, NHS number, therapist's staff id and the notes typed in it.</summary>
public sealed record TreatmentSession(string SessionId, string NhsNumber, string TherapistId, string Notes);

/// <summary>No patient on the clinic's list; quotes the NHS number.</summary>
public sealed class PatientNotListedException(string nhsNumber) : Exception($"NHS number {nhsNumber} is not on the clinic list");

/// <summary>A student's request for money and gambling support. Prints case id, student number, email, the student's account of it.</summary>
public sealed record SupportRequest(string CaseId, string StudentNumber, string Email, string Account);

/// <summary>A student's hardship fund application. Prints application id, student number, amount and the reason code.</summary>
public sealed record HardshipApplication(string ApplicationId, string StudentNumber, decimal Amount, string ReasonCode);

/// <summary>No student record; quotes the student number.</summary>
public sealed class StudentNotFoundException(string studentNumber) : Exception($"No student {studentNumber}");

/// <summary>An energy customer in payment difficulty. Prints account number, name, email, mobile and arrears.</summary>
public sealed record PaymentSupportCase(string AccountNumber, string CustomerName, string Email, string Mobile, decimal Arrears, bool GamblingDisclosed);

/// <summary>A prize draw entry. Prints entry id, account number, meter serial and the draw.</summary>
public sealed record DrawEntry(string EntryId, string AccountNumber, string MeterSerial, string DrawId);

/// <summary>An account is not eligible; quotes the account number.</summary>
public sealed class DrawIneligibleException(string accountNumber) : Exception($"Account {accountNumber} is not eligible for the draw");

/// <summary>A viewer's competition entry. Prints entry id, caller's phone number, name, answer and show.</summary>
public sealed record CompetitionEntry(string EntryId, string CallerNumber, string EntrantName, string Answer, string ShowId);

/// <summary>A viewer's advertising profile. Prints profile id (the viewer's), household postcode and segments.</summary>
public sealed record AdProfile(Guid ViewerId, string Postcode, string[] Segments);

/// <summary>An entry from a blocked number; quotes the phone number.</summary>
public sealed class EntryBlockedException(string callerNumber) : Exception($"Entries from {callerNumber} are blocked");

/// <summary>A lottery sale at a till. Prints sale id, terminal, game, amount and the loyalty card number.</summary>
public sealed record LotterySale(string SaleId, string TerminalId, string Game, decimal Amount, string? LoyaltyCard);

/// <summary>A prize claim at a store. Prints claim id, ticket serial, claimant name, claimant's mobile and amount.</summary>
public sealed record PrizeClaim(string ClaimId, string TicketSerial, string ClaimantName, string ClaimantMobile, decimal Amount);

/// <summary>A till refused a sale; quotes the till and the reason.</summary>
public sealed class SaleRefusedException(string terminalId, string reason) : Exception($"Till {terminalId} refused the sale: {reason}");

/// <summary>A passenger's onboard players' card. Prints card number, booking reference, passenger name and cabin.</summary>
public sealed record PlayersCard(string CardNumber, string BookingReference, string PassengerName, string Cabin);

/// <summary>A play session at an onboard table or machine. Prints session id, card number, venue and spend.</summary>
public sealed record PlaySession(string SessionId, string CardNumber, string Venue, decimal Spend);

/// <summary>A card is barred onboard; quotes the card number.</summary>
public sealed class CardBarredException(string cardNumber) : Exception($"Players' card {cardNumber} is barred");
