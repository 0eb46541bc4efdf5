using Fluentkit;

namespace PrivacyHoldout77.Healthcare;

internal static partial class ReferralLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Referral field {Property} rejected with value {Attempted}")]
    public static partial void FieldRejected(ILogger logger, string property, object? attempted);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Referral field {Property} rejected with value {Attempted}")]
    public static partial void FieldRejectedClassified(ILogger logger, string property, [PrivateData] object? attempted);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Referral for {NhsNumber} accepted into {Specialty}")]
    public static partial void Accepted(ILogger logger, string nhsNumber, string specialty);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Referral contract {Version} mapped {Fields} fields")]
    public static partial void Mapped(ILogger logger, string version, int fields);
}

public sealed class ReferralTelemetry(ILogger<ReferralTelemetry> logger)
{
    public void Rejected(ValidationFailure failure)
    {
        ReferralLog.FieldRejected(logger, failure.PropertyName, failure.AttemptedValue); // leak TC1001 direct
        ReferralLog.FieldRejectedClassified(logger, failure.PropertyName, failure.AttemptedValue); // clean precision-about
    }

    public void Accepted(ApiCall call, ReferralRequest request)
    {
        ReferralLog.Accepted(logger, request.NhsNumber, request.Specialty); // leak TC1001 direct
        ReferralLog.Mapped(logger, call.RequestedVersion.ToString(), typeof(ReferralRequest).GetProperties().Length); // clean precision-about
        Activity.Current?.SetBaggage("referral.nhs_number", request.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("referral.specialty", request.Specialty); // clean precision-about
        if (Activity.Current is { } activity)
        {
            activity.DisplayName = $"referral {request.Specialty} {request.NhsNumber}"; // leak TC1001 strings
        }
    }
}
