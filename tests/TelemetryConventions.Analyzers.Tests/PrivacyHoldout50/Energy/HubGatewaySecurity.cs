using System;
using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Energy;

public sealed record HubRegistration(string HubSerial, string AccountNumber, string Mpan, string FirmwareVersion);

public interface IHubRegistry
{
    Task<HubRegistration?> FindAsync(string hubSerial);
}

/// <summary>
/// Customers' smart-home hubs post readings to the gateway with the client certificate they were
/// provisioned with: one certificate per hub, issued by the supplier's device CA, whose subject's common
/// name is the hub's serial (<c>CN=HUB3-0049-1182-7741</c>).
/// </summary>
public static class HubCertificateEvents
{
    public static void Configure(CertificateAuthenticationOptions options, IHubRegistry hubs, Pseudonymizer pseudonymizer, ILogger logger)
    {
        options.Events.OnCertificateValidated = async context =>
        {
            var certificate = context.ClientCertificate;
            var hubSerial = certificate.GetNameInfo(X509NameType.SimpleName, false);
            var activity = Activity.Current;
            activity?.SetTag("hub.serial", hubSerial); // leak TC1001 direct
            activity?.SetTag("hub.model", hubSerial[..4]); // clean precision-about
            activity?.SetTag("hub.certificate.issuer", certificate.Issuer); // clean precision-names
            activity?.SetTag("hub.certificate.days_left", (certificate.NotAfter - DateTime.UtcNow).Days); // clean precision-about
            logger.LogDebug("Hub certificate {Subject}, serial number {CertificateSerial}", certificate.Subject, certificate.SerialNumber); // leak TC1001 direct

            var registration = await hubs.FindAsync(hubSerial);
            if (registration is null)
            {
                context.Fail($"Hub {hubSerial} is not registered to any account."); // leak TC1001 strings
                return;
            }

            activity?.SetTag(ApiAttributes.CallerId, pseudonymizer.ComputeApiCallerId(registration.AccountNumber)); // clean precision-pseudonym
            logger.LogDebug("Hub registered as {@Registration}", registration); // leak TC1001 logging-objects
            activity?.SetTag("hub.firmware", registration.FirmwareVersion); // clean precision-names
            activity?.SetTag("supply.distributor", registration.Mpan[..2]); // clean precision-about
            context.Principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim("hub_serial", hubSerial), new Claim("account_number", registration.AccountNumber) }, "HubCertificate"));
            context.Success();
        };

        options.Events.OnAuthenticationFailed = context =>
        {
            logger.LogWarning(context.Exception, "Hub certificate rejected"); // clean exceptions
            Activity.Current?.SetTag("client.address", context.HttpContext.Connection.RemoteIpAddress?.ToString()); // leak TC1001 direct
            return Task.CompletedTask;
        };
    }
}
