using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

// The half of the services' JsonSerializerContext classes that System.Text.Json's source generator
// writes at build time (the corpus compilation does not run that generator). Only the shape matters.

namespace PrivacyHoldout54.Media
{
    public sealed partial class AccountTelemetryJsonContext
    {
        private static readonly JsonSerializerOptions s_defaultOptions = new(JsonSerializerDefaults.Web)
        {
            Converters = { new SubscriberEmailJsonConverter() },
        };

        public AccountTelemetryJsonContext()
            : base(null)
        {
        }

        public AccountTelemetryJsonContext(JsonSerializerOptions options)
            : base(options)
        {
        }

        public static AccountTelemetryJsonContext Default { get; } = new(new JsonSerializerOptions(s_defaultOptions));

        protected override JsonSerializerOptions? GeneratedSerializerOptions => s_defaultOptions;

        public JsonTypeInfo<AccountChanged> AccountChanged => (JsonTypeInfo<AccountChanged>)Options.GetTypeInfo(typeof(AccountChanged));

        public JsonTypeInfo<PlanChanged> PlanChanged => (JsonTypeInfo<PlanChanged>)Options.GetTypeInfo(typeof(PlanChanged));

        public override JsonTypeInfo? GetTypeInfo(Type type) => null;
    }

    public sealed partial class BillingJsonContext
    {
        public BillingJsonContext()
            : base(null)
        {
        }

        public BillingJsonContext(JsonSerializerOptions options)
            : base(options)
        {
        }

        public static BillingJsonContext Default { get; } = new(new JsonSerializerOptions());

        protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

        public JsonTypeInfo<InvoiceIssued> InvoiceIssued => (JsonTypeInfo<InvoiceIssued>)Options.GetTypeInfo(typeof(InvoiceIssued));

        public override JsonTypeInfo? GetTypeInfo(Type type) => null;
    }
}
