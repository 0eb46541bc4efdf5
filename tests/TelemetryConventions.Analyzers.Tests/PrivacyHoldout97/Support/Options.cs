namespace PrivacyHoldout97.Support
{
    /// <summary>Where a service keeps its files, as bound from configuration.</summary>
    public sealed class StorageOptions
    {
        public Uri AccountUri { get; set; } = new("https://contosofiles.blob.core.windows.net/");

        public string UploadsContainer { get; set; } = "uploads";

        public string QuarantineContainer { get; set; } = "quarantine";

        public string DerivedContainer { get; set; } = "derived";

        public string ScannerHost { get; set; } = "clamd.internal";

        public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

        public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

        public string CdnBaseUrl { get; set; } = "https://media.contoso.example";

        public string CdnKeyPairId { get; set; } = "K2JCJMDEHXQW5F";

        public string WorkingDirectory { get; set; } = "/var/lib/media/work";
    }

    /// <summary>Where the service posts a message (not telemetry): the patient portal, the mailer, a queue.</summary>
    public interface IMailer
    {
        Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default);
    }

    public interface IOutbox
    {
        Task PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default);
    }

    /// <summary>The mail relay refused a recipient; its message quotes the address (<c>Mailbox unavailable: …</c>), as <c>SmtpFailedRecipientException</c> does.</summary>
    public sealed class MailDeliveryException(string recipient, int statusCode)
        : Exception($"Mailbox unavailable. The server response was: 5.1.1 <{recipient}>: Recipient address rejected")
    {
        public string FailedRecipient { get; } = recipient;

        public int StatusCode { get; } = statusCode;
    }
}
