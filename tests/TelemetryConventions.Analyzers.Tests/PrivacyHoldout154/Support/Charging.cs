namespace Motor.Charging;

// Home charging sold with a new electric car.

/// <summary>A home charger install. Prints install id, account number, postcode, charger serial, MPAN, the car's VIN and the installer's staff id.</summary>
public sealed record HomeChargerInstall(string InstallId, string AccountNumber, string Postcode, string ChargerSerial, string Mpan, string Vin, string InstallerStaffId);

/// <summary>A charger model. Prints model and rating.</summary>
public sealed record ChargerModel(string Model, int KilowattRating);

/// <summary>A battery health report from the car. Prints VIN, state of health, cycle count and model.</summary>
public sealed record BatteryHealthReport(string Vin, int StateOfHealthPercent, int CycleCount, string Model);

/// <summary>The notification to the distribution network operator. Prints reference, DNO and status.</summary>
public sealed record DnoNotification(string ReferenceNumber, string Dno, string Status);

public interface IChargerPlatform
{
    Task<DnoNotification> NotifyDnoAsync(HomeChargerInstall install, CancellationToken cancellationToken = default);

    Task<bool> PingAsync(string chargerSerial, CancellationToken cancellationToken = default);
}

/// <summary>The MPAN does not match the address; quotes the MPAN.</summary>
public sealed class MpanMismatchException(string mpan) : Exception($"MPAN {mpan} does not match the install address");

/// <summary>The DNO rejected the notification; quotes the DNO and a reason code.</summary>
public sealed class DnoRejectedException(string dno, string reasonCode) : Exception($"{dno} rejected the notification ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>A home charger stopped answering; quotes its serial.</summary>
public sealed class ChargerOfflineException(string serial) : Exception($"Charger {serial} is offline");
