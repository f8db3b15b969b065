global using Microsoft.Extensions.DependencyInjection;
// bUnit keeps an obsolete TestContext of its own; the tests mean xUnit's.
global using TestContext = Xunit.TestContext;
