import HogctlCLI

await HogctlMain.run()
