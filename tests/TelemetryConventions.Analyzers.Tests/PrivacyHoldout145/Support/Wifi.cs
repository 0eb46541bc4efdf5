namespace Telco.Wifi;

// A transit operator's onboard Wi-Fi.

/// <summary>A captive portal login. Prints the device's MAC address, the passenger's email, the train, the coach and the time.</summary>
public sealed record WifiLogin(string DeviceMac, string Email, string TrainId, string Coach, DateTimeOffset At);

/// <summary>An access point on a train. Prints AP id, its BSSID, train, coach and clients.</summary>
public sealed record AccessPoint(string ApId, string Bssid, string TrainId, string Coach, int Clients);

/// <summary>A session's use. Prints session id, the device's MAC address, MB and minutes.</summary>
public sealed record WifiSession(string SessionId, string DeviceMac, long Megabytes, int Minutes);

/// <summary>A train's cellular modem. Prints modem id, its SIM's ICCID, carrier and signal.</summary>
public sealed record TrainModem(string ModemId, string Iccid, string Carrier, int SignalDbm);

public interface IPortalStore
{
    Task<string> RegisterAsync(WifiLogin login, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WifiSession>> SessionsAsync(string trainId, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>The device is blocked; quotes its MAC address.</summary>
public sealed class DeviceBlockedException(string deviceMac) : Exception($"Device {deviceMac} is blocked from the onboard Wi-Fi");

/// <summary>The train's backhaul is down; quotes train and modem.</summary>
public sealed class BackhaulDownException(string trainId, string modemId) : Exception($"Backhaul down on {trainId} (modem {modemId})");
