namespace PrivacyHoldout184.Support;

/// <summary>A patient's property logged on a ward: property id, NHS number, patient's name, ward, the items as listed, valuables noted.</summary>
public sealed record PatientProperty(string PropertyId, string NhsNumber, string PatientName, string Ward, string ItemsListed, string? Valuables);

/// <summary>A patient's property sent home after discharge: return id, NHS number, home address, courier.</summary>
public sealed record PatientPropertyReturn(string ReturnId, string NhsNumber, string HomeAddress, string Courier, int Bags);

/// <summary>A student's lost laptop: report id, student number, student email, the laptop's serial, its Wi-Fi MAC address, the building last seen in.</summary>
public sealed record LostLaptopReport(string ReportId, string StudentNumber, string StudentEmail, string LaptopSerial, string MacAddress, string LastSeenBuilding);

/// <summary>A lost or stolen prepayment key replaced: request id, account number, the key's serial, the meter serial, depot, reason.</summary>
public sealed record PrepayKeyReplacement(string RequestId, string AccountNumber, string KeySerial, string MeterSerial, string Depot, string Reason);

/// <summary>A stolen console reported: case id, player id, gamertag, console serial, crime reference, region.</summary>
public sealed record StolenConsoleReport(string CaseId, string PlayerId, string Gamertag, string ConsoleSerial, string CrimeReference, string Region);

/// <summary>A device removed from a streaming account after loss: case id, subscriber id, device id, the device's name as the subscriber set it, reason.</summary>
public sealed record DeviceRemoval(string CaseId, string SubscriberId, string DeviceId, string DeviceName, string Reason);

/// <summary>A passenger's lost property enquiry: enquiry id, name, email, phone, description, route, day travelled.</summary>
public sealed record LostPropertyEnquiry(string EnquiryId, string PassengerName, string Email, string Phone, string Description, string Route, DateOnly TravelledOn);
