namespace PrivacyHoldout188.Support;

/// <summary>Quotes the employee number it could not find.</summary>
public sealed class EmployeeNotFoundException(string employeeNumber)
    : Exception($"No employee with number {employeeNumber}")
{
    public string EmployeeNumber { get; } = employeeNumber;
}

/// <summary>Quotes the employee's name and the condition on the note.</summary>
public sealed class FitNoteRejectedException(string employeeName, string condition)
    : Exception($"Fit note for {employeeName} rejected: condition '{condition}' not coded");

/// <summary>Quotes the caller's phone number.</summary>
public sealed class EapCallbackFailedException(string callerPhone)
    : Exception($"Could not call back {callerPhone}");

/// <summary>Quotes a device and a status code only.</summary>
public sealed class SurveillanceDeviceOfflineException(string deviceId, int statusCode)
    : Exception($"Device {deviceId} offline (status {statusCode})");

/// <summary>Quotes the provider and a status code only.</summary>
public sealed class ProviderUnavailableException(string provider, int statusCode)
    : Exception($"Provider {provider} unavailable: HTTP {statusCode}");

/// <summary>Quotes a referral id only.</summary>
public sealed class ReferralNotFoundException(string referralId)
    : Exception($"Referral {referralId} not found");
