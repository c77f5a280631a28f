import { checksAndActionsCases } from "./contract-checks-actions.js";
import { collaborationCases } from "./contract-collaboration.js";
import { gitCases } from "./contract-git.js";
import { describePlatformContract } from "./platform-contract.js";

describePlatformContract("the Platform contract: git, refs and files", gitCases);
describePlatformContract("the Platform contract: pull requests, labels and comments", collaborationCases);
describePlatformContract("the Platform contract: check runs, people and workflows", checksAndActionsCases);
