namespace PrivacyHoldout77.Energy;

internal static partial class SupplyLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Switch for account {AccountNumber} failed {Failures} rules")]
    public static partial void SwitchInvalid(ILogger logger, string accountNumber, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Switch for tariff {Tariff} failed {Failures} rules")]
    public static partial void SwitchInvalidForTariff(ILogger logger, string tariff, int failures);
}

public sealed class SupplyApiTelemetry(ILogger<SupplyApiTelemetry> logger, Meter meter)
{
    public void SwitchRejected(ApiCall call, TariffSwitchRequest request, int failures)
    {
        SupplyLog.SwitchInvalid(logger, request.AccountNumber, failures); // leak TC1001 direct
        SupplyLog.SwitchInvalidForTariff(logger, request.TariffCode, failures); // clean precision-about
        meter.CreateSupplyapiValidationFailuresCounter().Add(failures, supplyapiEndpoint: call.Path); // leak TC1003 strings
        meter.CreateSupplyapiValidationFailuresCounter().Add(failures, supplyapiEndpoint: call.RouteTemplate, supplyapiErrorCode: "SWITCH_INVALID"); // clean precision-about
        Activity.Current?.SetBaggage("supply.account", request.AccountNumber); // leak TC1001 direct
        if (Activity.Current is { } activity)
        {
            activity.DisplayName = $"{call.Method} {call.Path}"; // leak TC1001 strings
        }
    }

    public void ReadsServed(ApiCall call)
    {
        if (Activity.Current is { } activity)
        {
            activity.DisplayName = $"{call.Method} {call.RouteTemplate}"; // clean precision-about
        }
    }
}
