// Each test class starts a whole stack (DCP, the gateway, six samples, Redis, maybe the dashboard): on a small
// machine two at once only make both slow, so the tests run one after another.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
