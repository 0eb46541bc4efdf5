using Xunit;

// Activity sources and meters are process-wide: a tracer provider listening to the showcase's
// source would also collect the spans of a test running beside it. The end-to-end test also owns
// the Prometheus port. So these tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
