using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout53.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout53.Energy;

public sealed record RegistrationRequest(string Mpan, string MeterSerial, string CustomerName, string SupplyAddress, DateOnly SupplyStart, string SupplierId);

public sealed record RegistrationAck(string TransactionId, string Status, DateOnly? EffectiveFrom);

/// <summary>A SOAP fault the data hub returned; <see cref="Exception.Message"/> is the fault string.</summary>
public sealed class HubFaultException(string faultString, string faultCode, string? errorCode, string? errorText) : Exception(faultString)
{
    public string FaultCode { get; } = faultCode;

    public string? ErrorCode { get; } = errorCode;

    public string? ErrorText { get; } = errorText;
}

/// <summary>
/// The central data hub's registration service (change of supplier) is still SOAP 1.1. The envelope is
/// built by hand; faults carry the hub's error code and text in <c>detail/hub:Error</c>.
/// </summary>
public sealed class HubRegistrationSoapClient(HttpClient http, ILogger<HubRegistrationSoapClient> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Supplier.Integration.DataHub");
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Hub = "urn:datahub:registration:v4";

    public async Task<RegistrationAck> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        var transactionId = $"{request.SupplierId}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(1000, 9999)}";
        using var span = Source.StartPartnerCall("data-hub", "register-supply")
            .SetPartnerRequestId(transactionId) // clean direct
            .SetPartnerSubjectId(pseudonymizer.PseudonymizePartnerSubjectId(request.Mpan)); // clean precision-pseudonym

        var envelope = new XDocument(
            new XElement(Soap + "Envelope",
                new XAttribute(XNamespace.Xmlns + "soap", Soap),
                new XAttribute(XNamespace.Xmlns + "hub", Hub),
                new XElement(Soap + "Header", new XElement(Hub + "TransactionId", transactionId), new XElement(Hub + "Sender", request.SupplierId)),
                new XElement(Soap + "Body",
                    new XElement(Hub + "RegisterSupply",
                        new XElement(Hub + "Mpan", request.Mpan),
                        new XElement(Hub + "MeterSerial", request.MeterSerial),
                        new XElement(Hub + "CustomerName", request.CustomerName),
                        new XElement(Hub + "SupplyAddress", request.SupplyAddress),
                        new XElement(Hub + "SupplyStart", request.SupplyStart.ToString("yyyy-MM-dd"))))));

        logger.LogDebug("Data hub request {Envelope}", envelope.ToString()); // leak TC1001 strings
        logger.LogDebug("Data hub request {TransactionId} from {Supplier}, {Elements} elements", transactionId, request.SupplierId, envelope.Descendants().Count()); // clean direct

        using var content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", "urn:datahub:registration:v4/RegisterSupply");
        using var response = await http.PostAsync("RegistrationService.svc", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        span.SetPartnerStatusCode((int)response.StatusCode);

        var document = XDocument.Parse(body);
        var fault = document.Descendants(Soap + "Fault").FirstOrDefault();
        if (fault is not null)
        {
            var faultCode = (string?)fault.Element("faultcode") ?? "soap:Server";
            var faultString = (string?)fault.Element("faultstring") ?? "Unspecified fault";
            var error = fault.Element("detail")?.Element(Hub + "Error");
            var errorCode = (string?)error?.Element(Hub + "Code");
            var errorText = (string?)error?.Element(Hub + "Text");

            span.SetPartnerErrorCode(errorCode ?? faultCode).SetPartnerOutcome("fault"); // clean exceptions
            logger.LogWarning("Registration fault {FaultCode}: {FaultString}", faultCode, faultString); // clean exceptions
            logger.LogWarning("Registration fault detail {Detail}", error); // leak TC1001 exceptions
            meter.CreatePartnerCallDurationHistogram().Record(0, "data-hub", "register-supply", (int)response.StatusCode, errorCode); // clean exceptions
            throw new HubFaultException(faultString, faultCode, errorCode, errorText);
        }

        var ack = document.Descendants(Hub + "RegisterSupplyResponse").Single();
        var result = new RegistrationAck(
            (string)ack.Element(Hub + "TransactionId")!,
            (string)ack.Element(Hub + "Status")!,
            ack.Element(Hub + "EffectiveFrom") is { } from ? DateOnly.Parse(from.Value) : null);

        logger.LogInformation("Registration {TransactionId} {Status}, effective {EffectiveFrom}", result.TransactionId, result.Status, result.EffectiveFrom); // clean direct
        logger.LogInformation("Registration acknowledged for supply point {Mpan}", request.Mpan); // leak TC1001 direct
        Activity.Current?.SetTag("hub.meter.model", request.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("hub.meter.serial", request.MeterSerial); // leak TC1001 direct
        return result;
    }
}

/// <summary>Runs the change-of-supplier step of an acquisition and records why a registration failed.</summary>
public sealed class SupplyRegistrationStep(HubRegistrationSoapClient hub, ILogger<SupplyRegistrationStep> logger)
{
    public async Task<bool> RunAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await hub.RegisterAsync(request, cancellationToken);
            return true;
        }
        catch (HubFaultException ex) when (ex.ErrorCode is { } code && code.StartsWith("E01", StringComparison.Ordinal))
        {
            // E01xx: the hub does not know the supply point; its text names the MPAN it looked up.
            logger.LogWarning("Hub rejected the supply point: {Code} {Text}", ex.ErrorCode, ex.ErrorText); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return false;
        }
        catch (HubFaultException ex)
        {
            logger.LogError(ex, "Hub fault {FaultCode} {Code}", ex.FaultCode, ex.ErrorCode); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
            return false;
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "Data hub unreachable for {Account}", request.CustomerName); // leak TC1001 cross-member
            return false;
        }
    }
}
