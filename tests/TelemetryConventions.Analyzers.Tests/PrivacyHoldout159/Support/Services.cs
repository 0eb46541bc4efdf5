namespace Civic.Services;

// The other council services the electoral team works beside.

/// <summary>A resident's council account. Prints the council tax account number, the name, the email and the band.</summary>
public sealed record CouncilTaxAccount(string AccountNumber, string HolderName, string Email, string Band);

/// <summary>A patient in hospital on polling day. Prints the hospital number, the NHS number, the name and the ward.</summary>
public sealed record InpatientVoter(string HospitalNumber, string NhsNumber, string FullName, string HospitalWard, string ElectorNumber);

/// <summary>A care home's residents' registration return. Prints the home, the resident count and the manager's email.</summary>
public sealed record CareHomeReturn(string CareHomeCode, int Residents, string ManagerEmail);

/// <summary>A student in halls. Prints the student number, the name, the block and the email.</summary>
public sealed record HallsStudent(string StudentNumber, string FullName, string Block, string UniversityEmail);

/// <summary>A warm home grant application. Prints the application id, the UPRN, the meter serial, the MPAN and the EPC band.</summary>
public sealed record WarmHomeApplication(Guid ApplicationId, string Uprn, string MeterSerial, string Mpan, string EpcBand);

/// <summary>A youth parliament ballot cast in the council's app. Prints the player id, the gamertag, the constituency and the choice.</summary>
public sealed record YouthBallot(Guid PlayerId, string Gamertag, string Constituency, string Choice);

/// <summary>A market trader's pitch licence. Prints the licence number, the trader's name, mobile and the pitch.</summary>
public sealed record PitchLicence(string LicenceNumber, string TraderName, string Mobile, string Pitch);

/// <summary>A public speaker at a council meeting. Prints the speaker's name, email and the agenda item.</summary>
public sealed record PublicSpeaker(string FullName, string Email, string AgendaItem);

/// <summary>An assisted travel booking to the polling station. Prints the booking id, the elector number, the blue badge number and the pick-up address.</summary>
public sealed record AssistedTravel(Guid BookingId, string ElectorNumber, string BlueBadgeNumber, string PickupAddress, string Station);

/// <summary>The citizen messenger (email and SMS); not telemetry.</summary>
public interface ICitizenMessenger
{
    Task<string> EmailAsync(string email, string templateId, CancellationToken cancellationToken = default);

    Task<string> TextAsync(string mobile, string text, CancellationToken cancellationToken = default);
}

/// <summary>The council's payment provider; not telemetry.</summary>
public interface IPaymentProvider
{
    Task<string> TakeAsync(string accountNumber, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>A council tax account is in arrears; quotes the account number.</summary>
public sealed class AccountInArrearsException(string accountNumber) : Exception($"Council tax account {accountNumber} is in arrears");

/// <summary>A blue badge has expired; quotes the badge number.</summary>
public sealed class BadgeExpiredException(string badgeNumber) : Exception($"Blue badge {badgeNumber} has expired");

/// <summary>A pitch is taken; quotes the pitch only.</summary>
public sealed class PitchTakenException(string pitch) : Exception($"Pitch {pitch} is already licensed");

/// <summary>A gamertag is not on the youth register; quotes the gamertag.</summary>
public sealed class NotOnYouthRegisterException(string gamertag) : Exception($"{gamertag} is not on the youth register");
