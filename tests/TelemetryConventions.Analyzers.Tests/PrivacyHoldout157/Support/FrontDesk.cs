namespace Stays.FrontDesk;

// The property management system's front desk.

/// <summary>A check-in. Prints confirmation number, room, guest's name, passport number, nationality and date of birth.</summary>
public sealed record CheckIn(string ConfirmationNumber, string RoomNumber, string GuestName, string PassportNumber, string Nationality, DateOnly DateOfBirth);

/// <summary>A key card encoded for a room; the hotel's cards are reused. Prints room, card serial and validity.</summary>
public sealed record KeyCardIssue(string RoomNumber, string CardSerial, DateTimeOffset ValidUntil);

/// <summary>A room's housekeeping state. Prints room, floor, state and the attendant's staff number.</summary>
public sealed record RoomState(string RoomNumber, int Floor, string State, string AttendantStaffNumber);

/// <summary>A guest registration card for the police register. Prints passport number, names, nationality, date of birth and address.</summary>
public sealed record RegistrationCard(string PassportNumber, string FamilyName, string GivenNames, string Nationality, DateOnly DateOfBirth, string HomeAddress);

public interface IKeyEncoder
{
    Task<KeyCardIssue> EncodeAsync(string roomNumber, DateTimeOffset validUntil, CancellationToken cancellationToken = default);
}

/// <summary>The police guest register; not telemetry.</summary>
public interface IGuestRegister
{
    Task<string> FileAsync(RegistrationCard card, CancellationToken cancellationToken = default);
}

/// <summary>The document scanner refused a passport; quotes the number.</summary>
public sealed class PassportRejectedException(string passportNumber, string reason) : Exception($"Passport {passportNumber} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The room is not clean yet; quotes the room.</summary>
public sealed class RoomNotReadyException(string roomNumber, string state) : Exception($"Room {roomNumber} is {state}");

/// <summary>The key encoder is offline; quotes the encoder.</summary>
public sealed class EncoderOfflineException(string encoderId) : Exception($"Key encoder {encoderId} is offline");
