using Google.Protobuf.WellKnownTypes;
using Metering.V1;

namespace PrivacyHoldout112.Energy;

public interface ISupplyAccounts
{
    Task<bool> OwnsMpanAsync(string accountNumber, string mpan, CancellationToken cancellationToken);

    Task<ChangeTariffReply> SwitchAsync(string accountNumber, string tariffCode, CancellationToken cancellationToken);
}

/// <summary>
/// meter.v1.Accounts: the customer app's tariff change. Refusals use the rich error model: a BadRequest whose
/// violation descriptions quote the MPAN, and an ErrorInfo whose metadata holds the account number.
/// </summary>
public sealed class AccountsService(
    ISupplyAccounts accounts,
    Pseudonymizer pseudonymizer,
    ILogger<AccountsService> logger) : Accounts.AccountsBase
{
    private static readonly ActivitySource Source = new("Supplier.Accounts");
    private static readonly Meter Meter = new("Supplier.Accounts");

    public override async Task<ChangeTariffReply> ChangeTariff(ChangeTariffRequest request, ServerCallContext context)
    {
        using var span = Source.StartMeterrpcCall(context.Method)
            .SetMeterrpcAccountId(pseudonymizer.PseudonymizeMeterrpcAccountId(request.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("meter.tariff.requested", request.TariffCode); // clean precision-names
        Activity.Current?.SetTag("meter.contact.domain", request.ContactEmail.Split('@').LastOrDefault()); // clean precision-about
        Activity.Current?.SetTag(MeterrpcAttributes.AccountContact, request.ContactEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag(MeterrpcAttributes.AccountContact, pseudonymizer.Compute("account", request.ContactEmail)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Tariff change {Request}", request); // leak TC1001 logging-objects

        if (!await accounts.OwnsMpanAsync(request.AccountNumber, request.Mpan, context.CancellationToken))
        {
            var badRequest = new Google.Rpc.BadRequest();
            badRequest.FieldViolations.Add(new Google.Rpc.BadRequest.Types.FieldViolation { Field = "mpan", Description = $"MPAN {request.Mpan} is not supplied on this account" });
            var info = new Google.Rpc.ErrorInfo { Reason = "MPAN_NOT_ON_ACCOUNT", Domain = "accounts.supplier.example" };
            info.Metadata["account_number"] = request.AccountNumber;
            logger.LogWarning("Refused: {Reason} in {Domain}", info.Reason, info.Domain); // clean precision-names
            logger.LogWarning("Refused with metadata {Metadata}", info.Metadata); // leak TC1001 logging-objects
            logger.LogWarning("Violation: {Description}", badRequest.FieldViolations[0].Description); // leak TC1001 strings
            var status = new RpcStatus { Code = (int)Google.Rpc.Code.FailedPrecondition, Message = "The meter is not on this account" };
            status.Details.Add(Any.Pack(badRequest));
            status.Details.Add(Any.Pack(info));
            span.SetMeterrpcRpcStatus(nameof(StatusCode.FailedPrecondition)).SetMeterrpcOutcome(info.Reason); // clean precision-names
            throw status.ToRpcException(); // clean exceptions
        }

        if (request.TariffCode.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"tariff_code missing for account {request.AccountNumber}")); // leak TC1001 exceptions
        }

        var reply = await accounts.SwitchAsync(request.AccountNumber, request.TariffCode, context.CancellationToken);
        logger.LogInformation("Switch {SwitchId} effective {From}", reply.SwitchId, reply.EffectiveFrom); // clean precision-names
        Meter.CreateMeterrpcCallsCounter().Add(1, context.Method, nameof(StatusCode.OK), request.TariffCode); // clean precision-names
        return reply;
    }
}
