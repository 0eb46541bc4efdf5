namespace PrivacyHoldout190.Support;

// The smart-home platform's records and systems of record. None of these is telemetry.

/// <summary>A household account: the account holder and their contacts.</summary>
public sealed record Household(string HouseholdId, string AccountHolderName, string Email, string Phone, string Postcode, string Region);

/// <summary>A person in a household's profile list.</summary>
public sealed record HouseholdMember(string MemberId, string HouseholdId, string DisplayName, int BirthYear, string Role, bool IsChild);

/// <summary>A device registered to a household (its serial identifies the household).</summary>
public sealed record SmartDevice(string DeviceId, string SerialNumber, string Model, string FirmwareVersion, string Kind, string HouseholdId);

/// <summary>What a model is, without any one unit.</summary>
public sealed record DeviceModelInfo(string Model, string FirmwareVersion, string Kind, int Generation);

/// <summary>A doorbell press or motion event with its clip.</summary>
public sealed record DoorbellEvent(string EventId, string DeviceSerial, DateTimeOffset At, string ClipId, bool PersonDetected, string? RecognisedFaceName);

/// <summary>A voice request recorded by a speaker.</summary>
public sealed record VoiceRecording(string RecordingId, string MemberId, string Transcript, TimeSpan Duration, string Language, double Confidence);

/// <summary>A thermostat reading; occupancy tells when the home is empty.</summary>
public sealed record ThermostatReading(string ThermostatSerial, double TemperatureC, double SetpointC, bool Occupied, DateTimeOffset At);

/// <summary>Rooms in a zone and how many are occupied.</summary>
public sealed record OccupancySummary(string ZoneName, int Rooms, int OccupiedRooms);

/// <summary>A guest access code for a smart lock.</summary>
public sealed record GuestAccessCode(string CodeId, string Code, string GuestName, string GuestPhone, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);

/// <summary>An invitation to share a device with someone outside the household.</summary>
public sealed record ShareInvite(string InviteId, string InviteeEmail, string Permission, string DeviceId);

/// <summary>A device's state as the fleet sees it.</summary>
public sealed record DeviceStatus(string Kind, string Model, bool Online, int BatteryPercent, string FirmwareVersion);

/// <summary>A hub's view of its household; a class without ToString.</summary>
public sealed class HubProfile
{
    public required string HouseholdId { get; init; }

    public required string AccountHolderName { get; init; }

    public int DeviceCount { get; init; }

    public string Plan { get; init; } = "basic";
}

public interface IHouseholdStore
{
    Task<Household?> FindAsync(string householdId, CancellationToken cancellationToken);

    Task<IReadOnlyList<HouseholdMember>> MembersAsync(string householdId, CancellationToken cancellationToken);
}

public interface IDeviceRegistry
{
    Task<SmartDevice?> FindBySerialAsync(string serialNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<SmartDevice>> ForHouseholdAsync(string householdId, CancellationToken cancellationToken);

    Task<DeviceStatus> StatusAsync(string deviceId, CancellationToken cancellationToken);
}

public interface IClipStorage
{
    Task<Uri> StoreAsync(string householdId, string clipId, byte[] clip, CancellationToken cancellationToken);
}

public interface IVoiceTranscriber
{
    Task<VoiceRecording> TranscribeAsync(string memberId, byte[] audio, string language, CancellationToken cancellationToken);
}

public interface ILockGateway
{
    Task<GuestAccessCode> IssueCodeAsync(string lockSerial, string guestName, string guestPhone, TimeSpan validFor, CancellationToken cancellationToken);

    Task RevokeAsync(string lockSerial, string codeId, CancellationToken cancellationToken);
}

public interface INotificationSender
{
    Task SendAsync(string phoneOrEmail, string text, CancellationToken cancellationToken);
}

/// <summary>The household is not on file. Quotes the household id.</summary>
public sealed class HouseholdNotFoundException(string householdId)
    : Exception($"Household {householdId} was not found");

/// <summary>A lock refused a guest code. Quotes the guest's name and the code.</summary>
public sealed class AccessCodeRejectedException(string guestName, string code)
    : Exception($"Lock rejected code {code} issued to {guestName}");

/// <summary>A device claimed by another household. Quotes the serial number.</summary>
public sealed class DeviceClaimConflictException(string serialNumber)
    : Exception($"Device {serialNumber} is already claimed by another household");

/// <summary>A device did not answer. Quotes only the model, the region and a status code.</summary>
public sealed class DeviceUnreachableException(string model, string region, int statusCode)
    : Exception($"{model} devices in {region} did not answer (status {statusCode})")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>A firmware rollout stopped. Quotes only the version and the ring.</summary>
public sealed class FirmwareRolloutException(string firmwareVersion, string ring)
    : Exception($"Rollout of {firmwareVersion} halted in ring {ring}");

/// <summary>Transcription failed. Quotes only the language and the audio length.</summary>
public sealed class TranscriptionFailedException(string language, double seconds)
    : Exception($"Could not transcribe {seconds:F1}s of {language} audio");
