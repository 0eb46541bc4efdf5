namespace MedTech.Devices;

// Home medical devices a hospital looks after: insulin pumps, implants and glucose sensors.

/// <summary>A pump's upload from a patient's home hub. Prints pump serial, hospital number, model, firmware, boluses and alarm.</summary>
public sealed record PumpUpload(string PumpSerial, string HospitalNumber, string Model, string Firmware, int Boluses, bool OcclusionAlarm);

/// <summary>What an upload says about the device. Prints model, firmware, boluses and alarm; no one.</summary>
public sealed record PumpUploadSummary(string Model, string Firmware, int Boluses, bool OcclusionAlarm);

/// <summary>An implant in the national registry. Prints registration id, implant serial, NHS number, patient name, model, lot, surgeon's staff id and hospital.</summary>
public sealed record ImplantRegistration(string RegistrationId, string ImplantSerial, string NhsNumber, string PatientName, string Model, string LotNumber, string SurgeonStaffId, string Hospital);

/// <summary>A maker's recall. Prints recall id, model, lot and severity.</summary>
public sealed record ImplantRecall(string RecallId, string Model, string LotNumber, string Severity);

/// <summary>A continuous glucose sensor reading. Prints sensor serial, hospital number, value and time.</summary>
public sealed record CgmReading(string SensorSerial, string HospitalNumber, double Mmol, DateTimeOffset At);

public interface IPumpUploadStore
{
    Task SaveAsync(PumpUpload upload, CancellationToken cancellationToken = default);

    Task<string?> PatientForPumpAsync(string pumpSerial, CancellationToken cancellationToken = default);
}

public interface IImplantRegistry
{
    Task<ImplantRegistration?> FindBySerialAsync(string implantSerial, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ImplantRegistration>> AffectedByAsync(ImplantRecall recall, CancellationToken cancellationToken = default);

    Task SaveAsync(ImplantRegistration registration, CancellationToken cancellationToken = default);
}

/// <summary>The hospital's letters and texts to patients; not telemetry.</summary>
public interface IPatientMessenger
{
    Task LetterAsync(string nhsNumber, string templateId, CancellationToken cancellationToken = default);

    Task TextAsync(string mobile, string text, CancellationToken cancellationToken = default);
}

/// <summary>A pump that no patient is paired with; quotes the serial.</summary>
public sealed class PumpNotPairedException(string pumpSerial) : Exception($"Pump {pumpSerial} is not paired with any patient");

/// <summary>A firmware the platform does not read; quotes model and version.</summary>
public sealed class FirmwareNotSupportedException(string model, string firmware) : Exception($"Firmware {firmware} is not supported on {model}");

/// <summary>The serial is registered already; quotes the serial and the NHS number it is registered to.</summary>
public sealed class ImplantAlreadyRegisteredException(string implantSerial, string nhsNumber) : Exception($"Implant {implantSerial} is already registered to {nhsNumber}");

/// <summary>The registry did not answer; quotes the region.</summary>
public sealed class RegistryUnavailableException(string region) : Exception($"Implant registry unavailable in {region}");
